using System.Globalization;
using System.Numerics;
using Daarion.Adapters.Evm.Codec;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>
/// JSON-RPC integers ("quantities"): 0x-prefixed hex without leading zeros, "0x0" for zero.
/// </summary>
public static class Quantity
{
    public static string Format(BigInteger value)
    {
        var bytes = UnsignedBigEndian.ToBytes(value);
        return bytes.Length == 0 ? "0x0" : "0x" + Convert.ToHexStringLower(bytes).TrimStart('0');
    }

    /// <summary>Parses a quantity; leading zeros are tolerated, since some nodes write them.</summary>
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (text is null || text.Length < 3 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        // A leading 0 keeps the parser from reading the top bit as a sign.
        return BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
