using System.Diagnostics;
using Daarion.Silo.Hosting;
using Daarion.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Daarion.Silo.Bench;

/// <summary>In-process grain calls/s: many callers, each looping on a random key of an in-memory grain.</summary>
public static class CallBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<CountingFilter>();
        builder.Services.AddSilo(s => s.AddGrains(typeof(PingGrain).Assembly));
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<CountingFilter>());
        using var host = builder.Build();
        await host.StartAsync(CancellationToken.None);
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        var method = args.ValueTask ? "ValueTask<int>" : args.AsTask ? "ValueTask<int>.AsTask()" : "Task<int>";
        Console.WriteLine($"calls: keys={args.Keys} concurrency={args.Concurrency} method={method} seconds={args.Seconds} cores={Environment.ProcessorCount}");
        var references = Enumerable.Range(0, args.Keys).Select(k => grains.GetGrain<IPingGrain>($"k{k}")).ToArray();
        await LoadAsync(references, args, args.Warmup, ct); // warm-up: activations and tiered JIT
        var (calls, elapsed) = await LoadAsync(references, args, args.Duration, ct);
        Console.WriteLine($"{calls / elapsed.TotalSeconds:N0} calls/s ({calls:N0} calls in {elapsed.TotalSeconds:N1} s)");
        foreach (var s in host.Services.GetRequiredService<SiloMetrics>().Snapshot().Where(s => s.Calls > 0))
        {
            Console.WriteLine($"  {s.GrainType}: activations={s.Activations} calls={s.Calls:N0} errors={s.Errors} p50={s.LatencyP50 * 1e6:N0}us p99={s.LatencyP99 * 1e6:N0}us");
        }
        Console.WriteLine($"  gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} filter calls={host.Services.GetRequiredService<CountingFilter>().Calls:N0}");
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task<(long Calls, TimeSpan Elapsed)> LoadAsync(IPingGrain[] references, BenchArgs args, TimeSpan duration, CancellationToken ct)
    {
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, args.Concurrency).Select(w => Task.Run(async () =>
        {
            long count = 0;
            var random = new Random(w);
            // The clock is read once per 64 calls so that reading it does not show in the figure.
            while ((count & 63) != 0 || (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested))
            {
                var grain = references[random.Next(references.Length)];
                if (args.ValueTask) await grain.PingValue(1);
                else if (args.AsTask) await grain.PingValue(1).AsTask();
                else await grain.Ping(1);
                count++;
            }
            Interlocked.Add(ref total, count);
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        return (total, stopwatch.Elapsed);
    }
}
