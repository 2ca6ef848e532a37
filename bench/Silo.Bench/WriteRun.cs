using System.Diagnostics;
using Daarion.Hosting;
using Daarion.Silo.Hosting;
using Daarion.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Silo.Bench;

/// <summary>One silo on one fresh database: warm-up, measured load, then the stored totals read back.</summary>
public static class WriteRun
{
    public static async Task<WriteRunResult> ExecuteAsync(string connectionString, bool groupCommit, BenchArgs args, CancellationToken ct)
    {
        await SqlMigrations.ApplyAsync(connectionString, ct: ct);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(new WriteLoad(args.Events));
        builder.Services.AddSilo(s => s.AddGrains(typeof(CounterStateGrain).Assembly));
        builder.Services.Configure<SiloOptions>(o => o.Storage.GroupCommit = groupCommit);
        using var host = builder.Build();
        await host.StartAsync(CancellationToken.None);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var metrics = host.Services.GetRequiredService<SiloMetrics>();

        var references = Enumerable.Range(0, args.Keys).Select(k => grains.GetGrain<ICounterStateGrain>($"k{k}")).ToArray();
        // Warm-up: JIT, activations (each reads its row once), the connection pool, PostgreSQL's buffers.
        var warmup = await LoadAsync(references, args.Concurrency, args.Warmup, ct);
        var (commitsBefore, writesBefore) = (metrics.Storage.Commits, metrics.Storage.Writes);
        var measured = await LoadAsync(references, args.Concurrency, args.Duration, ct);
        var (commits, writes) = (metrics.Storage.Commits - commitsBefore, metrics.Storage.Writes - writesBefore);
        var grain = metrics.Snapshot().Single(s => s.GrainType == CounterStateGrain.TypeName);
        await host.StopAsync(CancellationToken.None);

        var (storedSum, outboxEvents) = await ReadStoredAsync(connectionString);
        return new WriteRunResult(
            measured, warmup, grain, commits, writes, args.Events, storedSum, outboxEvents);
    }

    private static async Task<LoadResult> LoadAsync(ICounterStateGrain[] references, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        long errors = 0;
        Exception? firstError = null;
        var latencies = new List<long>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            // One list per caller: no sharing on the hot path; a few hundred thousand longs at most.
            var mine = latencies[w] = [];
            long failed = 0;
            var random = new Random(w);
            while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await references[random.Next(references.Length)].Add(1);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (Exception e) // counted and reported: one failed write must not stop this caller
                {
                    failed++;
                    Interlocked.CompareExchange(ref firstError, e, null);
                }
            }
            Interlocked.Add(ref errors, failed);
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        return LoadResult.From(latencies, errors, stopwatch.Elapsed, firstError);
    }

    private static async Task<(long Sum, long OutboxEvents)> ReadStoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum((payload->>'value')::bigint), 0)::bigint, (SELECT count(*) FROM outbox_event_log) FROM grain_state",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
