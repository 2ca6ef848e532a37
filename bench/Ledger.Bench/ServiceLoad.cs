using System.Diagnostics;
using Daarion.Grains;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Ledger;
using Daarion.Silo.Events;
using Daarion.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Ledger.Bench;

/// <summary>
/// The ledger without HTTP: the silo, wallet grains and group committer in this process, driven by concurrent
/// callers of <see cref="LedgerService.TransferAsync"/>. Shows the database side's ceiling next to the API's figures.
/// </summary>
public static class ServiceLoad
{
    public sealed record Result(double PerSecond, double P50Ms, double P99Ms, long Failed, IReadOnlyList<(string Kind, double Microseconds)> Cpu);

    public static async Task<Result> RunAsync(string database, BenchOptions options)
    {
        await Daarion.Hosting.SqlMigrations.ApplyAsync(database);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var connection = new NpgsqlConnectionStringBuilder(database);
        LedgerConnection.Tune(connection);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connection.ConnectionString));
        builder.Services.AddSilo(s => s.AddGrains(GrainsAssembly.Assembly));
        builder.Services.AddLedger();
        using var host = builder.Build();
        await host.StartAsync();
        var ledger = host.Services.GetRequiredService<LedgerService>();
        var actor = EventActor.Service("bench");

        var wallets = Enumerable.Range(0, options.Wallets).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(wallets, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (wallet, _) =>
        {
            Check(await ledger.CreateWalletAsync(Request(), new NewWallet(wallet, "KWT", $"bench-{wallet:N}", 0)));
            Check(await ledger.AdjustAsync(Request(), new AdjustmentCommand(wallet, WalletSeeder.OpeningBalance, "opening")));
        });

        await LoadAsync(TimeSpan.FromSeconds(Math.Min(5, options.Seconds))); // warm-up
        var before = CpuSnapshot.Take(Environment.ProcessId);
        var (perSecond, p50, p99, failed, succeeded) = await LoadAsync(TimeSpan.FromSeconds(options.Seconds));
        var cpu = before.PerOperation(CpuSnapshot.Take(Environment.ProcessId), succeeded);
        await host.StopAsync();
        return new Result(perSecond, p50, p99, failed, cpu);

        LedgerRequest Request() => new("bench", Guid.NewGuid().ToString(), actor);

        async Task<(double PerSecond, double P50Ms, double P99Ms, long Failed, long Succeeded)> LoadAsync(TimeSpan duration)
        {
            var latencies = new List<double>[options.Connections];
            long failed = 0;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(c => Task.Run(async () =>
            {
                var mine = latencies[c] = [];
                var random = new Random(c);
                while (stopwatch.Elapsed < duration)
                {
                    var from = wallets[random.Next(wallets.Length)];
                    var to = wallets[random.Next(wallets.Length)];
                    if (from == to) continue;
                    var started = Stopwatch.GetTimestamp();
                    var answer = await ledger.TransferAsync(Request(), new TransferCommand([new Posting(from, to, 0.01m)], null));
                    if (answer.Error is null) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else Interlocked.Increment(ref failed);
                }
            })));
            var all = latencies.SelectMany(l => l).Order().ToArray();
            return (all.Length / stopwatch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)], failed, all.Length);
        }
    }

    private static void Check<T>(LedgerResult<T> result) where T : class
    {
        if (result.Error is { } error) throw new InvalidOperationException($"Seeding failed: {error.Code} {error.Detail}");
    }
}
