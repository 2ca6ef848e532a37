namespace Daarion.Grains.Access;

/// <summary>An embassy identity or an internal service: its name, its team (embassies), its capabilities, whether it is disabled.</summary>
public sealed record IdentityView(string Id, string Name, Guid? TeamId, IReadOnlyList<string> Capabilities, bool Disabled, DateTimeOffset CreatedAt);
