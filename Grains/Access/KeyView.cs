namespace Daarion.Grains.Access;

/// <summary>A key as listed (never its secret): its public prefix, name, limits and use.</summary>
public sealed record KeyView(
    Guid KeyId, string Prefix, string Name, Guid? TeamId, IReadOnlyList<string> Capabilities,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
