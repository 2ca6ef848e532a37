using System.Text;
using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Siwe;

/// <summary>
/// Server-side EIP-4361 verification: grammar, expected domain / nonce (and optionally scheme, URI,
/// chain id), the time window, then the EIP-191 signature, which must recover to the message's address.
/// Nonce single-use is the caller's job: consume the nonce whatever the outcome.
/// </summary>
public sealed class SiweVerifier
{
    private readonly TimeProvider _timeProvider;

    /// <summary>A verifier reading the time from <paramref name="timeProvider"/> (tests pass a fake clock).</summary>
    public SiweVerifier(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>A verifier on the system clock.</summary>
    public SiweVerifier()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Verifies <paramref name="message"/> (the exact signed text) and a hex signature (<c>0x</c> optional).</summary>
    public SiweVerificationResult Verify(string message, string signatureHex, SiweVerificationOptions options)
    {
        // Undecodable hex gets an empty span, which fails the signature checks as a length error.
        var signature = Hex.TryDecode(signatureHex, out var bytes) ? bytes : [];
        return Verify(message, signature, options);
    }

    /// <summary>Verifies <paramref name="message"/> (the exact signed text) and a 65-byte r‖s‖v signature.</summary>
    public SiweVerificationResult Verify(string message, ReadOnlySpan<byte> signature, SiweVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ClockSkew, TimeSpan.Zero);
        if (!SiweMessageParser.TryParse(message, out var parsed, out var parseError))
            return SiweVerificationResult.Malformed(parseError);

        var fieldFailure = CheckFields(parsed, options);
        if (fieldFailure != SiweVerificationFailure.None)
            return SiweVerificationResult.Refused(fieldFailure, parsed);

        var timeFailure = CheckTime(parsed, options, _timeProvider.GetUtcNow());
        if (timeFailure != SiweVerificationFailure.None)
            return SiweVerificationResult.Refused(timeFailure, parsed);

        // The signature covers the text as received: re-building it from fields could differ in layout.
        if (!EcdsaSignature.TryParse(signature, out _, out var signatureError))
            return SiweVerificationResult.BadSignature(parsed, signatureError);
        if (!PersonalSign.TryRecoverAddress(Encoding.UTF8.GetBytes(message), signature, out var recovered, out _)
            || recovered != parsed.Address)
            return SiweVerificationResult.Mismatch(parsed, recovered);
        return SiweVerificationResult.Valid(parsed, recovered);
    }

    private static SiweVerificationFailure CheckFields(SiweMessage message, SiweVerificationOptions options)
    {
        if (options.Scheme is not null && !string.Equals(message.Scheme ?? "https", options.Scheme, StringComparison.OrdinalIgnoreCase))
            return SiweVerificationFailure.SchemeMismatch;
        if (!string.Equals(message.Domain, options.Domain, StringComparison.Ordinal))
            return SiweVerificationFailure.DomainMismatch;
        if (!string.Equals(message.Nonce, options.Nonce, StringComparison.Ordinal))
            return SiweVerificationFailure.NonceMismatch;
        if (options.ChainId is { } chainId && message.ChainId != chainId)
            return SiweVerificationFailure.ChainIdMismatch;
        if (options.Uri is not null && !string.Equals(message.Uri, options.Uri, StringComparison.Ordinal))
            return SiweVerificationFailure.UriMismatch;
        return SiweVerificationFailure.None;
    }

    // Skew widens every bound in the signer's favour: a wallet clock slightly ahead or behind is not an attack.
    private static SiweVerificationFailure CheckTime(SiweMessage message, SiweVerificationOptions options, DateTimeOffset now)
    {
        var skew = options.ClockSkew;
        if (message.IssuedAt > now + skew)
            return SiweVerificationFailure.IssuedInFuture;
        if (options.MaxAge is { } maxAge && message.IssuedAt < now - maxAge - skew)
            return SiweVerificationFailure.TooOld;
        if (message.ExpirationTime is { } expiration && now - skew >= expiration)
            return SiweVerificationFailure.Expired;
        if (message.NotBefore is { } notBefore && now + skew < notBefore)
            return SiweVerificationFailure.NotYetValid;
        return SiweVerificationFailure.None;
    }
}
