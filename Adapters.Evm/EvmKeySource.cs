using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm;

// Reads the local signer's key from Evm:PrivateKey or the file Evm:PrivateKeyFile names. Errors name the option,
// never the value, and the decoded bytes are wiped once the key object holds its copy.
internal static class EvmKeySource
{
    public static bool TryLoad(EvmOptions options, [NotNullWhen(true)] out EthereumKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        string text;
        string option;
        if (options.PrivateKeyFile is { Length: > 0 } path)
        {
            option = "Evm:PrivateKeyFile";
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"{option}: the key file cannot be read ({e.GetType().Name}).";
                return false;
            }
        }
        else
        {
            option = "Evm:PrivateKey";
            text = options.PrivateKey?.Trim() ?? "";
        }

        if (!Hex.TryDecode(text, out var bytes) || !Secp256k1.IsValidPrivateKey(bytes))
        {
            error = $"{option} does not hold a secp256k1 private key (64 hex digits, optionally 0x-prefixed).";
            if (bytes is not null)
                CryptographicOperations.ZeroMemory(bytes);
            return false;
        }
        key = EthereumKey.FromPrivateKey(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        error = null;
        return true;
    }

    public static EthereumKey Load(EvmOptions options) =>
        TryLoad(options, out var key, out var error) ? key : throw new InvalidOperationException(error);
}
