using System.Security.Cryptography;
using System.Text;

namespace Daarion.Grains;

/// <summary>
/// Name-based UUIDs (version 8, SHA-256 of a namespace and a name): the same name always gives the same id, so a
/// retried step finds the row or wallet its first attempt created instead of making a second one.
/// </summary>
internal static class DeterministicGuid
{
    public static Guid Create(string space, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{space}\n{name}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
