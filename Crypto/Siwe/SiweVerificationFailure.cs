namespace Daarion.Crypto.Siwe;

/// <summary>Why a sign-in was refused. Checks run in this order; the first failure is reported.</summary>
public enum SiweVerificationFailure
{
    /// <summary>The sign-in is valid.</summary>
    None,

    /// <summary>The text breaks the EIP-4361 grammar (see <see cref="SiweVerificationResult.ParseError"/>).</summary>
    MalformedMessage,

    /// <summary>The message's scheme (https when absent) is not the expected one.</summary>
    SchemeMismatch,

    /// <summary>The message was written for another domain: a phishing site relaying our nonce.</summary>
    DomainMismatch,

    /// <summary>The nonce is not the one issued for this login.</summary>
    NonceMismatch,

    /// <summary>The chain id is not the expected one.</summary>
    ChainIdMismatch,

    /// <summary>The URI is not the expected one.</summary>
    UriMismatch,

    /// <summary>Issued At lies in the future, beyond the allowed clock skew.</summary>
    IssuedInFuture,

    /// <summary>Issued At is older than the allowed maximum age.</summary>
    TooOld,

    /// <summary>The Expiration Time has passed.</summary>
    Expired,

    /// <summary>The Not Before time has not come yet.</summary>
    NotYetValid,

    /// <summary>The signature is not a canonical 65-byte secp256k1 signature (see <see cref="SiweVerificationResult.SignatureError"/>).</summary>
    MalformedSignature,

    /// <summary>The signature does not recover to the message's address.</summary>
    SignatureMismatch,
}
