using System.Numerics;

namespace Daarion.Adapters.Evm.Codec;

// RLP, ABI and JSON-RPC quantities all write non-negative integers as big-endian bytes without leading zeros.
internal static class UnsignedBigEndian
{
    /// <summary>The minimal big-endian bytes of a non-negative integer; zero has none.</summary>
    public static byte[] ToBytes(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "Negative integers have no unsigned encoding.");
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
}
