using System.Globalization;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Nats.Bench;

/// <summary>The command line.</summary>
public sealed record BenchArgs(int Messages, int Sequential, int Size, int Window, StorageType Storage, bool MsgId)
{
    public const string Usage =
        "usage: Daarion.Nats.Bench [--messages N] [--sequential N] [--size BYTES] [--window N] [--storage file|memory] [--msg-id]\n" +
        "  --messages    pipelined publishes per run (default 200000)\n" +
        "  --sequential  one-at-a-time publishes (default 10000)\n" +
        "  --size        payload bytes (default 128)\n" +
        "  --window      publishes in flight for the pipelined runs (default 4096)\n" +
        "  --storage     the stream's storage (default file)\n" +
        "  --msg-id      give every message a Nats-Msg-Id, as the outbox relay will";

    /// <exception cref="FormatException">An unknown option or a bad value.</exception>
    public static BenchArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var msgId = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--msg-id":
                    msgId = true;
                    break;
                case "--messages" or "--sequential" or "--size" or "--window" or "--storage" when i + 1 < args.Length:
                    values[args[i]] = args[++i];
                    break;
                default:
                    throw new FormatException($"Unknown option or missing value: '{args[i]}'.");
            }
        }
        var storage = values.GetValueOrDefault("--storage", "file") switch
        {
            "file" => StorageType.File,
            "memory" => StorageType.Memory,
            var other => throw new FormatException($"--storage must be file or memory, not '{other}'."),
        };
        return new BenchArgs(Int("--messages", 200_000), Int("--sequential", 10_000), Int("--size", 128), Int("--window", 4096), storage, msgId);

        int Int(string name, int fallback) =>
            !values.TryGetValue(name, out var text) ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value
            : throw new FormatException($"{name} must be a positive integer, not '{text}'.");
    }
}
