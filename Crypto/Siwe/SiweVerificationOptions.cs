namespace Daarion.Crypto.Siwe;

/// <summary>What a sign-in message must match, as EIP-4361 requires servers to check.</summary>
public sealed record SiweVerificationOptions
{
    /// <summary>Our own RFC 3986 authority, compared exactly with the message's domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The nonce we issued for this login; the caller makes it single-use.</summary>
    public required string Nonce { get; init; }

    /// <summary>When set, the scheme the message must name (compared case-insensitively; absent means https).</summary>
    public string? Scheme { get; init; }

    /// <summary>When set, the exact URI the message must name.</summary>
    public string? Uri { get; init; }

    /// <summary>When set, the chain id the message must name.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>How far the wallet's clock may differ from ours when checking the time fields.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>When set, the oldest Issued At accepted, so a message without Expiration Time still goes stale.</summary>
    public TimeSpan? MaxAge { get; init; }
}
