using System.Diagnostics;
using Daarion.Grains;
using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;
using Daarion.Hosting;
using Daarion.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Access.Bench;

/// <summary>
/// PDP decisions in-process, as the API host asks for them (<see cref="PolicyDecisionPoint.DecideAsync"/>): one
/// question per subject (a user with a JWT scope, reading a wallet) asked round-robin, each answer queued for the
/// decision log, which a background writer COPYs into a private PostgreSQL meanwhile. Every call is timed.
/// </summary>
internal static class DecisionBenchmark
{
    private const int WarmupDecisions = 300_000;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var directory = Directory.CreateTempSubdirectory("daarion-access-bench-");
        var server = await PostgresServer.StartAsync(new PostgresServerOptions { DataDirectory = Path.Combine(directory.FullName, "pg") });
        try
        {
            var database = await server.CreateDatabaseAsync("bench_access");
            await SqlMigrations.ApplyAsync(database);
            using var host = Build(database, args);
            await host.StartAsync();
            try
            {
                return await MeasureAsync(host.Services, database, args);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await server.StopAsync();
            directory.Delete(recursive: true);
        }
    }

    private static IHost Build(string database, BenchArgs args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database));
        builder.Services.AddSilo(silo => silo.AddGrains(GrainsAssembly.Assembly));
        builder.Services.AddAccessControl();
        builder.Services.Configure<AccessOptions>(o =>
        {
            o.DecisionCacheSize = args.Uncached ? 0 : Math.Max(args.Subjects, 1_000);
            // Every decision is logged; the queue holds the whole run, so the measurement shows the decision path
            // (the writer's own rate is reported after it).
            o.DecisionLogCapacity = WarmupDecisions + args.Subjects + args.Decisions * args.Threads;
        });
        return builder.Build();
    }

    private static async Task<int> MeasureAsync(IServiceProvider services, string database, BenchArgs args)
    {
        var pdp = services.GetRequiredService<PolicyDecisionPoint>();
        var requests = Enumerable.Range(0, args.Subjects).Select(Question).ToArray();
        Console.WriteLine($"decisions: {(args.Uncached ? "uncached (every call asks the subject's policy grain)" : "cached")}, " +
            $"{args.Decisions:N0} per thread, {args.Threads} thread(s), {args.Subjects:N0} subjects, cores={Environment.ProcessorCount}");

        foreach (var request in requests) Check(await pdp.DecideAsync(request));
        for (var i = 0; i < WarmupDecisions; i++) Check(await pdp.DecideAsync(requests[i % requests.Length]));

        var gen0 = GC.CollectionCount(0);
        var started = Stopwatch.GetTimestamp();
        var runs = await Task.WhenAll(Enumerable.Range(0, args.Threads).Select(t => Task.Run(() => TimeAsync(pdp, requests, t, args.Decisions))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = new Latencies([.. runs.SelectMany(r => r)]);
        var total = (long)args.Decisions * args.Threads;
        Console.WriteLine($"latency per decision: {latencies.Describe()}");
        Console.WriteLine($"throughput: {total / elapsed.TotalSeconds:N0} decisions/s; gen-0 collections: {GC.CollectionCount(0) - gen0}");

        var expected = args.Subjects + WarmupDecisions + total;
        var drained = Stopwatch.StartNew();
        while (await LoggedAsync(database) < expected) await Task.Delay(200);
        Console.WriteLine($"decision log: all {expected:N0} decisions written ({drained.Elapsed.TotalSeconds:N1} s after the run ended)");
        return 0;
    }

    private static async Task<long[]> TimeAsync(PolicyDecisionPoint pdp, PolicyRequest[] requests, int thread, int count)
    {
        var ticks = new long[count];
        for (var i = 0; i < count; i++)
        {
            var request = requests[(i + thread * 7) % requests.Length];
            var start = Stopwatch.GetTimestamp();
            var decision = await pdp.DecideAsync(request);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            Check(decision);
        }
        return ticks;
    }

    // What the PEP asks for GET /v1/wallets/{walletId}/balance with a wallet:read token.
    private static PolicyRequest Question(int subject) => new(
        new PolicySubject(SubjectKind.User, $"bench-user-{subject}", "wallet:read"),
        "wallet.read",
        new PolicyResource("/v1/wallets/{walletId}/balance", Guid.NewGuid().ToString()),
        new PolicyContext(null, new Dictionary<string, string> { ["method"] = "GET", ["path"] = "/v1/wallets/x/balance", ["request_id"] = "bench" }));

    private static void Check(LoggedDecision decision)
    {
        if (!decision.Decision.Allowed) throw new InvalidOperationException($"Unexpected denial: {decision.Decision.Summary}");
    }

    private static async Task<long> LoggedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pdp_decisions", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
