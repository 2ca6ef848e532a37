using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Daarion.Grains.Logins;

/// <summary>
/// Six-digit codes from the CSPRNG (ASVS 6.5.3/6.5.4), kept only as HMAC-SHA256 under a server key and bound to the
/// request that issued them, so a stolen table does not give the codes away and a code works for its request only.
/// </summary>
public sealed class OneTimeCodes(byte[] key)
{
    public static string Generate() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public byte[] Hash(Guid requestId, string code) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{requestId:N}:{code}"));

    public bool Matches(Guid requestId, string code, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(requestId, code), hash);
}
