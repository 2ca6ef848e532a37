using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;
using Npgsql;

namespace Daarion.Events.Bench;

/// <summary>
/// Commit-to-consume latency at a steady rate: commits of --batch events at --rate events/s (four writers) for --warmup
/// seconds (the JIT compiling the relay's and consumer's paths; delivered and checked, not timed), then --seconds, relayed by
/// the host, fetched (and acked) by a durable pull consumer in this process. Latency runs from the moment the commit
/// returned to the writer to the moment the consumer holds the message, split at the moment the stream stored it (its
/// JetStream timestamp). Checks each event arrived once, in order per key.
/// </summary>
public static class LagBenchmark
{
    private const string Consumer = "bench-lag";
    private const int Writers = 4;

    public static async Task<bool> RunAsync(BenchServers servers, BenchArgs args)
    {
        await using var database = await servers.CreateDatabaseAsync();
        await using var host = await servers.StartHostAsync(database);
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = servers.NatsUrl });
        var jetStream = new JetStreamContext(connection);
        await CreateConsumerAsync(jetStream);

        var committed = new ConcurrentDictionary<string, DateTimeOffset>();
        var received = new ConcurrentQueue<(string Id, DateTimeOffset At, DateTimeOffset Stored, string Key, long Version)>();
        using var stop = new CancellationTokenSource();
        var consumer = ConsumeAsync(jetStream.GetConsumer(BenchEvents.Stream, Consumer), received, stop.Token);

        // Several writers, as many commits run at once in a host; each owns every Writers-th wallet, so each wallet's
        // events still come from one writer in order.
        var clock = Stopwatch.StartNew();
        var writers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(database, args, w, committed, clock)));
        var written = writers.Sum();
        var writeSeconds = clock.Elapsed.TotalSeconds - args.Warmup;
        var drained = Stopwatch.StartNew();
        while (received.Count < written && drained.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20);
        await stop.CancelAsync();
        await consumer;

        var all = received.ToList();
        var measured = all.Where(r => committed.ContainsKey(r.Id)).ToList();
        var latencies = Sorted(measured.Select(r => r.At - committed[r.Id]));
        var relayed = Sorted(measured.Select(r => r.Stored - committed[r.Id]));
        var delivered = Sorted(measured.Select(r => r.At - r.Stored));
        var duplicates = all.Count - all.Select(r => r.Id).Distinct().Count();
        var outOfOrder = all.GroupBy(r => r.Key).Count(key => !key.Select(r => r.Version).SequenceEqual(key.Select(r => r.Version).Order()));
        Console.WriteLine($"lag: {written:N0} events written ({committed.Count:N0} timed in {writeSeconds:N1} s after {args.Warmup:N0} s of warm-up: " +
            $"{committed.Count / writeSeconds:N0} events/s, {args.Batch} per commit), " +
            $"{all.Count:N0} consumed, {duplicates} duplicates, {outOfOrder} keys out of order");
        if (latencies.Count > 0)
        {
            Console.WriteLine($"  commit-to-consume p50 {Percentile(latencies, 0.50):N1} ms  p90 {Percentile(latencies, 0.90):N1} ms  " +
                $"p99 {Percentile(latencies, 0.99):N1} ms  max {latencies[^1]:N1} ms");
            Console.WriteLine($"    of which commit-to-stored (relay) p50 {Percentile(relayed, 0.50):N1} ms  p99 {Percentile(relayed, 0.99):N1} ms; " +
                $"stored-to-consumed p50 {Percentile(delivered, 0.50):N1} ms  p99 {Percentile(delivered, 0.99):N1} ms");
        }
        return all.Count == written && duplicates == 0 && outOfOrder == 0;
    }

    // Commits of args.Batch events at args.Rate / Writers events/s; event i of writer w is the run's event i * Writers + w.
    private static async Task<long> WriteAsync(NpgsqlDataSource database, BenchArgs args, int writer, ConcurrentDictionary<string, DateTimeOffset> committed, Stopwatch clock)
    {
        var interval = TimeSpan.FromSeconds((double)args.Batch * Writers / args.Rate);
        long written = 0;
        var warmup = TimeSpan.FromSeconds(args.Warmup);
        for (var commit = 0L; clock.Elapsed.TotalSeconds < args.Warmup + args.Seconds; commit++)
        {
            var due = interval * commit;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var events = Enumerable.Range(0, args.Batch).Select(i => BenchEvents.Create((written + i) * Writers + writer)).ToList();
            await BenchEvents.WriteAsync(database, events, args.Rows);
            var at = DateTimeOffset.UtcNow;
            if (clock.Elapsed >= warmup)
                foreach (var e in events) committed[e.EventId] = at;
            written += events.Count;
        }
        return written;
    }

    private static async Task CreateConsumerAsync(JetStreamContext jetStream)
    {
        // The host provisions the streams right after it starts.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await jetStream.CreateOrUpdateConsumerAsync(BenchEvents.Stream, new ConsumerConfig { DurableName = Consumer, DeliverPolicy = DeliverPolicy.New });
                return;
            }
            catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task ConsumeAsync(JetStreamConsumer consumer, ConcurrentQueue<(string, DateTimeOffset, DateTimeOffset, string, long)> received, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // As the services' consumers fetch (ConsumerLoop).
                foreach (var message in await consumer.FetchReadyAsync(1000, TimeSpan.FromMilliseconds(500), stop))
                {
                    var at = DateTimeOffset.UtcNow;
                    using var envelope = JsonDocument.Parse(message.Data);
                    var payload = envelope.RootElement.GetProperty("payload");
                    received.Enqueue((message.Headers!["Nats-Msg-Id"]!, at, message.Metadata.Timestamp, payload.GetProperty("wallet_id").GetString()!,
                        payload.GetProperty("wallet_version").GetInt64()));
                    await message.AckAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // Milliseconds, sorted; a negative one (the relay was faster than the writer noting its commit) counts as 0.
    private static List<double> Sorted(IEnumerable<TimeSpan> spans) => [.. spans.Select(t => Math.Max(0, t.TotalMilliseconds)).Order()];

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
