using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Siwe;

/// <summary>The outcome of <see cref="SiweVerifier.Verify(string, ReadOnlySpan{byte}, SiweVerificationOptions)"/>.</summary>
public sealed record SiweVerificationResult
{
    private SiweVerificationResult(SiweVerificationFailure failure) => Failure = failure;

    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure == SiweVerificationFailure.None;

    /// <summary>The first check that failed, or <see cref="SiweVerificationFailure.None"/>.</summary>
    public SiweVerificationFailure Failure { get; }

    /// <summary>The parsed message, whenever the grammar held (also for later failures).</summary>
    public SiweMessage? Message { get; private init; }

    /// <summary>The grammar violation for <see cref="SiweVerificationFailure.MalformedMessage"/>.</summary>
    public SiweParseError? ParseError { get; private init; }

    /// <summary>The format rule broken for <see cref="SiweVerificationFailure.MalformedSignature"/>.</summary>
    public EcdsaSignatureError SignatureError { get; private init; }

    /// <summary>The address the signature recovers to, when it recovers to one.</summary>
    public EthereumAddress? RecoveredAddress { get; private init; }

    /// <summary>The signed-in account when valid: the message's address, proven by the signature.</summary>
    public EthereumAddress? Address => IsValid ? Message!.Address : null;

    internal static SiweVerificationResult Valid(SiweMessage message, EthereumAddress recovered) =>
        new(SiweVerificationFailure.None) { Message = message, RecoveredAddress = recovered };

    internal static SiweVerificationResult Malformed(SiweParseError error) =>
        new(SiweVerificationFailure.MalformedMessage) { ParseError = error };

    internal static SiweVerificationResult Refused(SiweVerificationFailure failure, SiweMessage message) =>
        new(failure) { Message = message };

    internal static SiweVerificationResult BadSignature(SiweMessage message, EcdsaSignatureError error) =>
        new(SiweVerificationFailure.MalformedSignature) { Message = message, SignatureError = error };

    internal static SiweVerificationResult Mismatch(SiweMessage message, EthereumAddress? recovered) =>
        new(SiweVerificationFailure.SignatureMismatch) { Message = message, RecoveredAddress = recovered };
}
