namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A platform's secret as shown: its id and lifetime, never its value.</summary>
public sealed record SecretView(Guid SecretId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
