using System.Security.Cryptography;

namespace Daarion.Adapters.Nats.Protocol;

// Unique tokens for inbox subjects: a random per-process prefix and a counter, both base62. Cheaper than 22 random
// characters per inbox and, like the official clients' NUIDs, unique across processes for all practical purposes.
internal static class Nuid
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int PrefixLength = 12;
    private const int CounterLength = 10;

    private static readonly string Prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
    private static long _counter = RandomNumberGenerator.GetInt32(int.MaxValue);

    public static string Next()
    {
        var value = (ulong)Interlocked.Increment(ref _counter);
        return string.Create(PrefixLength + CounterLength, value, static (span, counter) =>
        {
            Prefix.AsSpan().CopyTo(span);
            for (var i = span.Length - 1; i >= PrefixLength; i--)
            {
                span[i] = Alphabet[(int)(counter % 62)];
                counter /= 62;
            }
        });
    }
}
