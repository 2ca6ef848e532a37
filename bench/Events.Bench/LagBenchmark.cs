using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Events.Bench;

/// <summary>
/// Commit-to-consume latency at a steady rate: commits of --batch events at --rate events/s for --seconds, relayed by
/// the host, fetched (and acked) by a durable pull consumer in this process. Latency runs from the moment the commit
/// returned to the writer to the moment the consumer holds the message. Checks each event arrived once, in order per key.
/// </summary>
public static class LagBenchmark
{
    private const string Consumer = "bench-lag";

    public static async Task<bool> RunAsync(BenchServers servers, BenchArgs args)
    {
        await using var database = await servers.CreateDatabaseAsync();
        await using var host = await servers.StartHostAsync(database);
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Url = servers.NatsUrl });
        var jetStream = new JetStreamContext(connection);
        await CreateConsumerAsync(jetStream);

        var committed = new ConcurrentDictionary<string, long>();
        var received = new ConcurrentQueue<(string Id, long At, string Key, long Version)>();
        using var stop = new CancellationTokenSource();
        var consumer = ConsumeAsync(jetStream.GetConsumer(BenchEvents.Stream, Consumer), received, stop.Token);

        var interval = TimeSpan.FromSeconds((double)args.Batch / args.Rate);
        var clock = Stopwatch.StartNew();
        long written = 0;
        for (var commit = 0L; clock.Elapsed.TotalSeconds < args.Seconds; commit++)
        {
            var due = interval * commit;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var events = Enumerable.Range(0, args.Batch).Select(i => BenchEvents.Create(written + i)).ToList();
            await BenchEvents.WriteAsync(database, events, args.Rows);
            var at = Stopwatch.GetTimestamp();
            foreach (var e in events) committed[e.EventId] = at;
            written += events.Count;
        }
        var writeSeconds = clock.Elapsed.TotalSeconds;
        var drained = Stopwatch.StartNew();
        while (received.Count < written && drained.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20);
        await stop.CancelAsync();
        await consumer;

        var all = received.ToList();
        var latencies = all.Where(r => committed.ContainsKey(r.Id))
            .Select(r => Math.Max(0, Stopwatch.GetElapsedTime(committed[r.Id], r.At).TotalMilliseconds)).Order().ToList();
        var duplicates = all.Count - all.Select(r => r.Id).Distinct().Count();
        var outOfOrder = all.GroupBy(r => r.Key).Count(key => !key.Select(r => r.Version).SequenceEqual(key.Select(r => r.Version).Order()));
        Console.WriteLine($"lag: {written:N0} events written in {writeSeconds:N1} s ({written / writeSeconds:N0} events/s, {args.Batch} per commit), " +
            $"{all.Count:N0} consumed, {duplicates} duplicates, {outOfOrder} keys out of order");
        if (latencies.Count > 0)
            Console.WriteLine($"  commit-to-consume p50 {Percentile(latencies, 0.50):N1} ms  p90 {Percentile(latencies, 0.90):N1} ms  " +
                $"p99 {Percentile(latencies, 0.99):N1} ms  max {latencies[^1]:N1} ms");
        return all.Count == written && duplicates == 0 && outOfOrder == 0;
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

    private static async Task ConsumeAsync(JetStreamConsumer consumer, ConcurrentQueue<(string, long, string, long)> received, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var message in consumer.FetchAsync(new FetchOptions { MaxMessages = 1000, Expires = TimeSpan.FromMilliseconds(500) }, stop))
                {
                    var at = Stopwatch.GetTimestamp();
                    using var envelope = JsonDocument.Parse(message.Data);
                    var payload = envelope.RootElement.GetProperty("payload");
                    received.Enqueue((message.Headers!["Nats-Msg-Id"]!, at, payload.GetProperty("wallet_id").GetString()!, payload.GetProperty("wallet_version").GetInt64()));
                    await message.AckAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
