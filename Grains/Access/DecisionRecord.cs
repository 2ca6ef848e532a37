using System.Text.Json;

namespace Daarion.Grains.Access;

/// <summary>A row of the decision log, as an operator reads it.</summary>
public sealed record DecisionRecord(
    Guid DecisionId, DateTimeOffset DecidedAt, string SubjectKind, string SubjectId, string? Via, string Action, string ResourceType, string? ResourceId,
    Guid? TeamId, bool Allowed, string Summary, JsonElement Reasons, JsonElement Context, long PolicyVersion, bool Cached);
