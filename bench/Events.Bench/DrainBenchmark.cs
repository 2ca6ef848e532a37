using System.Diagnostics;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Events.Bench;

/// <summary>
/// Relay throughput: a backlog of --events appears at once (written in one transaction, so the relay sees it only at
/// commit) and the host's relay drains it; the time runs from the commit to the relay's published counter reaching
/// the backlog. A first, smaller backlog warms the host up (the JIT compiles and re-compiles the hot paths during its
/// first seconds) and is reported apart.
/// </summary>
public static class DrainBenchmark
{
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(20);

    public static async Task<bool> RunAsync(BenchServers servers, BenchArgs args)
    {
        await using var database = await servers.CreateDatabaseAsync();
        await using var host = await servers.StartHostAsync(database);
        var cpu = servers.CpuOf(host);
        var warm = await DrainAsync(database, host, cpu, Math.Max(args.Batch, args.Events / 3), args);
        warm.Print("drain, warm-up (just started)");
        var measured = await DrainAsync(database, host, cpu, args.Events, args);
        measured.Print("drain");
        var left = await OutboxWriter.UnpublishedRowsAsync(database);
        var stored = await servers.StoredAsync(BenchEvents.Stream);
        var expected = (ulong)(warm.Events + measured.Events);
        Console.WriteLine($"  check: stream holds {stored:N0} events (expected {expected:N0}), unpublished rows left {left}");
        return stored == expected && left == 0;
    }

    private static async Task<DrainResult> DrainAsync(NpgsqlDataSource database, ApiHostProcess host, CpuMeter cpu, long events, BenchArgs args)
    {
        var before = await BenchServers.PublishedAsync(host);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (long written = 0; written < events; written += args.Batch)
            {
                var batch = Enumerable.Range(0, (int)Math.Min(args.Batch, events - written)).Select(i => BenchEvents.Create(before + written + i)).ToList();
                await BenchEvents.WriteAsync(connection, batch, args.Rows);
            }
            await transaction.CommitAsync();
        }
        var clock = Stopwatch.StartNew();
        var cpuBefore = cpu.Read();
        while (await BenchServers.PublishedAsync(host) < before + events && clock.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(Sample);
        return new DrainResult(events, clock.Elapsed, cpu.Read() - cpuBefore);
    }

    private sealed record DrainResult(long Events, TimeSpan Took, CpuMeter.Sample Cpu)
    {
        public void Print(string run)
        {
            var perEvent = 1e6 / Events;
            Console.WriteLine($"{run}: {Events:N0} events relayed in {Took.TotalSeconds:N2} s: {Events / Took.TotalSeconds:N0} events/s");
            Console.WriteLine($"  CPU per event: host {Cpu.Host * perEvent:N1} µs, nats-server {Cpu.Nats * perEvent:N1} µs, PostgreSQL {Cpu.Postgres * perEvent:N1} µs " +
                $"(total {Cpu.Total * perEvent:N1} µs: {Events / Math.Max(Cpu.Total, 1e-3) * Environment.ProcessorCount:N0} events/s if they had the {Environment.ProcessorCount} cores to themselves)");
        }
    }
}
