namespace Daarion.ApiHost.Access;

/// <summary>The resource asked about: a type, an id, the team it belongs to.</summary>
public sealed record ExplainResource(string? Type, string? Id, Guid? TeamId);
