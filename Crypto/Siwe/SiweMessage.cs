using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Siwe;

/// <summary>
/// The fields of an EIP-4361 "Sign-In with Ethereum" message (version 1). Timestamps are instants;
/// <see cref="SiweMessageBuilder"/> writes them in UTC.
/// </summary>
public sealed record SiweMessage
{
    /// <summary>Optional URI scheme of the requesting origin; wallets assume https when absent.</summary>
    public string? Scheme { get; init; }

    /// <summary>RFC 3986 authority (host and optional port) requesting the sign-in.</summary>
    public required string Domain { get; init; }

    /// <summary>The account signing in.</summary>
    public required EthereumAddress Address { get; init; }

    /// <summary>Optional one-line statement; an empty string is a present but empty statement.</summary>
    public string? Statement { get; init; }

    /// <summary>RFC 3986 URI of the resource that is the subject of the signing.</summary>
    public required string Uri { get; init; }

    /// <summary>EIP-155 chain id the session is bound to.</summary>
    public required ulong ChainId { get; init; }

    /// <summary>Server-issued nonce, at least 8 alphanumerics.</summary>
    public required string Nonce { get; init; }

    /// <summary>When the message was created.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Optional instant from which the message is no longer valid.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>Optional instant before which the message is not yet valid.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Optional system-specific request identifier (RFC 3986 pchar only).</summary>
    public string? RequestId { get; init; }

    /// <summary>Optional list of resource URIs; an empty list writes a bare <c>Resources:</c> line.</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    // Record equality would compare the Resources list by reference; two messages with the same text must be equal.
    /// <inheritdoc />
    public bool Equals(SiweMessage? other) =>
        other is not null
        && Scheme == other.Scheme
        && Domain == other.Domain
        && Address == other.Address
        && Statement == other.Statement
        && Uri == other.Uri
        && ChainId == other.ChainId
        && Nonce == other.Nonce
        && IssuedAt == other.IssuedAt
        && ExpirationTime == other.ExpirationTime
        && NotBefore == other.NotBefore
        && RequestId == other.RequestId
        && (Resources is null ? other.Resources is null : other.Resources is not null && Resources.SequenceEqual(other.Resources));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Domain, Address, Nonce, IssuedAt);
}
