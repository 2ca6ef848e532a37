namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// What a decision is about: a type (e.g. <c>wallets</c>), an id when the route names one, and the team (tenant) it
/// belongs to. A team-scoped grant applies only to resources of its team.
/// </summary>
public sealed record PolicyResource(string Type, string? Id = null, Guid? TeamId = null);
