using System.Diagnostics;
using Daarion.Adapters.Nats.JetStream;
using Daarion.Testing;

namespace Daarion.Events.Bench;

/// <summary>
/// Relay throughput: the outbox holds a backlog, then the host starts and its relay drains it. The rate is taken from
/// the relay's published counter between the first sample and the end, so the host's start-up does not count.
/// </summary>
public static class DrainBenchmark
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> RunAsync(BenchServers servers, BenchArgs args)
    {
        await using var database = await servers.CreateDatabaseAsync();
        var fill = Stopwatch.StartNew();
        for (long written = 0; written < args.Events; written += args.Batch)
        {
            var events = Enumerable.Range(0, (int)Math.Min(args.Batch, args.Events - written)).Select(i => BenchEvents.Create(written + i)).ToList();
            await BenchEvents.WriteAsync(database, events, args.Rows);
        }
        Console.WriteLine($"drain: {args.Events:N0} events waiting (written in {fill.Elapsed.TotalSeconds:N1} s)");
        var before = await StoredOrZeroAsync(servers);

        await using var host = await servers.StartHostAsync(database);
        var cpu = servers.CpuOf(host);
        var clock = Stopwatch.StartNew();
        var (firstAt, firstCount, firstCpu) = (clock.Elapsed, await BenchServers.PublishedAsync(host), cpu.Read());
        long published;
        while ((published = await BenchServers.PublishedAsync(host)) < args.Events && clock.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(Sample);
        var seconds = (clock.Elapsed - firstAt).TotalSeconds;
        var used = cpu.Read() - firstCpu;
        var rate = (published - firstCount) / Math.Max(seconds, 1e-3);
        var stored = await servers.StoredAsync(BenchEvents.Stream) - before;
        var left = await OutboxWriter.UnpublishedRowsAsync(database);
        Console.WriteLine($"  relayed {published - firstCount:N0} events in {seconds:N2} s: {rate:N0} events/s " +
            $"(stream gained {stored:N0}, expected {args.Events:N0}; unpublished rows left {left})");
        var perEvent = 1e6 / Math.Max(1, published - firstCount);
        Console.WriteLine($"  CPU per event: host {used.Host * perEvent:N1} µs, nats-server {used.Nats * perEvent:N1} µs, PostgreSQL {used.Postgres * perEvent:N1} µs " +
            $"(total {used.Total * perEvent:N1} µs: {(published - firstCount) / Math.Max(used.Total, 1e-3) * Environment.ProcessorCount:N0} events/s if they had the {Environment.ProcessorCount} cores to themselves)");
        return stored == (ulong)args.Events && left == 0;
    }

    private static async Task<ulong> StoredOrZeroAsync(BenchServers servers)
    {
        try
        {
            return await servers.StoredAsync(BenchEvents.Stream);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            return 0; // the first host provisions it
        }
    }
}
