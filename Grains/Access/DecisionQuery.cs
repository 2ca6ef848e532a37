namespace Daarion.Grains.Access;

/// <summary>Which decisions to read, newest first: filters (null: any) and a page's end (the last decision id seen).</summary>
public sealed record DecisionQuery(string? SubjectKind, string? SubjectId, string? Action, bool? Allowed, Guid? TeamId, Guid? Before, int Limit);
