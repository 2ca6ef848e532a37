using System.Numerics;

namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// Recursive Length Prefix, the serialisation of Ethereum transactions (Yellow Paper, appendix B).
/// An item is a byte string or a list of items; integers are byte strings in minimal big-endian form,
/// so zero is the empty string and a leading zero byte is never written.
/// </summary>
public static class Rlp
{
    private const byte StringOffset = 0x80;
    private const byte ListOffset = 0xC0;
    private const int ShortLimit = 56;

    /// <summary>Encodes a byte string. A single byte below 0x80 is its own encoding.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < StringOffset)
            return [bytes[0]];
        return [.. Prefix(StringOffset, bytes.Length), .. bytes];
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes.</summary>
    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(UnsignedBigEndian.ToBytes(value));

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    public static byte[] EncodeList(params IEnumerable<byte[]> encodedItems)
    {
        var payload = encodedItems.SelectMany(item => item).ToArray();
        return [.. Prefix(ListOffset, payload.Length), .. payload];
    }

    // Short payloads put their length in the prefix byte; longer ones put the length of the length there.
    private static byte[] Prefix(byte offset, int length)
    {
        if (length < ShortLimit)
            return [(byte)(offset + length)];
        var lengthBytes = UnsignedBigEndian.ToBytes(length);
        return [(byte)(offset + ShortLimit - 1 + lengthBytes.Length), .. lengthBytes];
    }
}
