namespace Daarion.Grains.Access;

/// <summary>A row of subject_grants, with who made it and when.</summary>
public sealed record GrantView(
    Guid GrantId, string SubjectKind, string SubjectId, Guid? TeamId, string? Bundle, string? Capability, string Effect, string Note, string CreatedBy, DateTimeOffset CreatedAt);
