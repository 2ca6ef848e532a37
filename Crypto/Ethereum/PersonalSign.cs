using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Daarion.Crypto.Ethereum;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): wallets sign keccak256("\x19Ethereum Signed Message:\n" +
/// decimal byte length + message), so a signed login text can never be replayed as a transaction.
/// </summary>
public static class PersonalSign
{
    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n");

    /// <summary>The EIP-191 hash of raw message bytes.</summary>
    public static byte[] HashMessage(ReadOnlySpan<byte> message)
    {
        var length = Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture));
        byte[] prefixed = [.. Prefix, .. length, .. message];
        return Keccak256.Hash(prefixed);
    }

    /// <summary>The EIP-191 hash of a text message, taken over its UTF-8 bytes as wallets do.</summary>
    public static byte[] HashMessage(string message) => HashMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>Signs raw message bytes as a wallet's personal_sign would.</summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> message, EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignHash(HashMessage(message));
    }

    /// <summary>Signs a text message (UTF-8) as a wallet's personal_sign would.</summary>
    public static EcdsaSignature Sign(string message, EthereumKey key) => Sign(Encoding.UTF8.GetBytes(message), key);

    /// <summary>
    /// Recovers the signer's address from a 65-byte r‖s‖v signature. False when the signature is
    /// malformed, non-canonical (high s) or recovers no key; <paramref name="error"/> says which format rule failed.
    /// </summary>
    public static bool TryRecoverAddress(
        ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> signature,
        [NotNullWhen(true)] out EthereumAddress? address,
        out EcdsaSignatureError error)
    {
        address = null;
        if (!EcdsaSignature.TryParse(signature, out var parsed, out error))
            return false;
        if (!Secp256k1.TryRecoverPublicKey(HashMessage(message), parsed, out var publicKey))
            return false;
        address = EthereumAddress.FromPublicKey(publicKey);
        return true;
    }

    /// <summary>True when <paramref name="signature"/> over <paramref name="message"/> recovers to <paramref name="expected"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, EthereumAddress expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return TryRecoverAddress(message, signature, out var recovered, out _) && recovered == expected;
    }

    /// <summary>Text-message overload of <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, EthereumAddress)"/>.</summary>
    public static bool Verify(string message, ReadOnlySpan<byte> signature, EthereumAddress expected) =>
        Verify(Encoding.UTF8.GetBytes(message), signature, expected);
}
