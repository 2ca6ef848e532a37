using System.Buffers.Binary;

namespace Daarion.Grains.Energy;

/// <summary>
/// 64 bits that identify a reading exactly: its sequence (or its absence), timestamp and kWh (12 decimals, so
/// "1.5" and "1.50" are the same reading). FNV-1a: stable across processes, unlike <see cref="HashCode"/>.
/// </summary>
internal static class ReadingFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const decimal KwhScale = 1_000_000_000_000m;

    public static long Of(long? seq, DateTimeOffset ts, decimal kwh)
    {
        Span<byte> bytes = stackalloc byte[33];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, seq ?? 0);
        bytes[8] = seq is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], ts.UtcTicks);
        BinaryPrimitives.WriteInt128LittleEndian(bytes[17..], (Int128)decimal.Truncate(kwh * KwhScale));
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        return unchecked((long)hash);
    }
}
