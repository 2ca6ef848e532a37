using System.Diagnostics;
using System.Globalization;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Hosting;

namespace Daarion.Nats.Bench;

// Acknowledged JetStream publishes to a private nats-server (file storage by default): one awaited at a time, then
// pipelined through a JetStreamPublisher. Client and server share the machine's cores.
internal static class PublishBenchmark
{
    private const string Stream = "BENCH";

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("daarion-nats-bench-").FullName;
        try
        {
            await using var server = await NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = Path.Combine(directory, "nats") }, ct: ct);
            await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = server.Url, Name = "daarion-bench" }, cancellationToken: ct);
            var js = new JetStreamContext(connection, new JetStreamOptions { RequestTimeout = TimeSpan.FromSeconds(30) });
            await js.CreateStreamAsync(new StreamConfig { Name = Stream, Subjects = ["bench.>"], Storage = args.Storage }, ct);
            var payload = new byte[args.Size];
            Random.Shared.NextBytes(payload);

            Console.WriteLine($"nats-server {connection.ServerInfo.Version}, {args.Storage} storage, {args.Size} B payloads, " +
                              $"window {args.Window}, Nats-Msg-Id {(args.MsgId ? "on" : "off")}, {Environment.ProcessorCount} cores");
            await PipelinedAsync(js, payload, args, 5_000, "warm-up", ct); // JIT, connection buffers, server caches

            var runs = new[]
            {
                await SequentialAsync(js, payload, args, ct),
                await PipelinedAsync(js, payload, args, args.Messages, $"pipelined, window {args.Window}", ct),
                await PipelinedAsync(js, payload, args with { Window = 256 }, args.Messages, "pipelined, window 256", ct),
            };

            Console.WriteLine();
            Console.WriteLine("| run | messages | time | acked msgs/s | MiB/s |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var run in runs)
                Console.WriteLine(run);
            Console.WriteLine();
            Console.WriteLine($"pipelined / one-at-a-time: {runs[1].PerSecond / runs[0].PerSecond:N1}x");

            var stored = (await js.GetStreamInfoAsync(Stream, ct)).State.Messages;
            var expected = (ulong)(5_000 + args.Sequential + 2 * args.Messages);
            Console.WriteLine($"stream holds {stored:N0} messages (expected {expected:N0})");
            return stored == expected ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<PublishRun> SequentialAsync(JetStreamContext js, byte[] payload, BenchArgs args, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < args.Sequential; i++)
            await js.PublishAsync("bench.sequential", payload, options: Options(args, "s", i), cancellationToken: ct);
        return new PublishRun("one at a time (await each ack)", args.Sequential, clock.Elapsed, args.Size);
    }

    private static async Task<PublishRun> PipelinedAsync(JetStreamContext js, byte[] payload, BenchArgs args, int count, string name, CancellationToken ct)
    {
        var publisher = js.CreatePublisher(args.Window);
        var acks = new Task<PubAck>[count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            acks[i] = await publisher.PublishAsync("bench.pipelined", payload, options: Options(args, name, i), cancellationToken: ct);
        await Task.WhenAll(acks);
        return new PublishRun(name, count, clock.Elapsed, args.Size);
    }

    private static JetStreamPublishOptions? Options(BenchArgs args, string run, int i) =>
        args.MsgId ? new JetStreamPublishOptions { MsgId = string.Create(CultureInfo.InvariantCulture, $"{run}-{i}") } : null;
}
