namespace Daarion.Crypto.Siwe;

/// <summary>The part of an EIP-4361 message a parse error is about.</summary>
public enum SiweField
{
    /// <summary>The overall shape: the header sentence, blank lines, missing or extra lines.</summary>
    Message,

    /// <summary>The optional URI scheme before the domain.</summary>
    Scheme,

    /// <summary>The RFC 3986 authority asking for the sign-in.</summary>
    Domain,

    /// <summary>The EIP-55 checksummed address line.</summary>
    Address,

    /// <summary>The optional human-readable statement.</summary>
    Statement,

    /// <summary>The <c>URI:</c> line.</summary>
    Uri,

    /// <summary>The <c>Version:</c> line (must be 1).</summary>
    Version,

    /// <summary>The <c>Chain ID:</c> line.</summary>
    ChainId,

    /// <summary>The <c>Nonce:</c> line (at least 8 ASCII letters or digits).</summary>
    Nonce,

    /// <summary>The <c>Issued At:</c> RFC 3339 timestamp.</summary>
    IssuedAt,

    /// <summary>The optional <c>Expiration Time:</c> RFC 3339 timestamp.</summary>
    ExpirationTime,

    /// <summary>The optional <c>Not Before:</c> RFC 3339 timestamp.</summary>
    NotBefore,

    /// <summary>The optional <c>Request ID:</c> line.</summary>
    RequestId,

    /// <summary>The optional <c>Resources:</c> list.</summary>
    Resources,
}
