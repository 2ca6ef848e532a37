namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A registered platform and the secrets that verify its webhooks now (several during a rotation).</summary>
public sealed record PlatformView(string Platform, DateTimeOffset CreatedAt, IReadOnlyList<SecretView> Secrets);
