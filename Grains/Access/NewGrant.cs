namespace Daarion.Grains.Access;

/// <summary>A grant to one subject: a bundle or one capability, allowed or denied, in one team or (null) every team.</summary>
public sealed record NewGrant(string SubjectKind, string SubjectId, Guid? TeamId, string? Bundle, string? Capability, string Effect, string Note);
