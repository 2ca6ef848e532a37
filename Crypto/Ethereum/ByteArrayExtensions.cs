namespace Daarion.Crypto.Ethereum;

internal static class ByteArrayExtensions
{
    // BigInteger.ToByteArrayUnsigned drops leading zero bytes; curve scalars and coordinates are fixed width.
    public static byte[] PadLeft(this byte[] bytes, int length)
    {
        if (bytes.Length > length)
            throw new ArgumentException($"{bytes.Length} bytes do not fit in {length}.", nameof(bytes));
        if (bytes.Length == length)
            return bytes;
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }
}
