using Daarion.Silo.Metrics;
using Daarion.Silo.Reminders;
using Daarion.Silo.Runtime;
using Microsoft.Extensions.Hosting;

namespace Daarion.Silo.Hosting;

/// <summary>
/// Runs the silo's background work: response-timeout sweeps, idle collection, reminder delivery and rate
/// sampling. On stop it stops reminders, then deactivates every activation.
/// </summary>
internal sealed class SiloHostedService(GrainRuntime runtime, ReminderRegistry reminders, SiloMetrics metrics) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        // A few sweeps per timeout period bound how late a timeout fires.
        var sweepInterval = TimeSpan.FromTicks(Math.Clamp(options.ResponseTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _loops.Add(EveryAsync(sweepInterval, () =>
        {
            var expired = runtime.ExpireTimedOutCalls();
            if (expired > 0) Log.CallsExpired(runtime.Logger, expired);
        }));
        _loops.Add(EveryAsync(options.CollectionQuantum, () =>
        {
            var collected = runtime.CollectIdleActivations();
            if (collected > 0) Log.IdleCollected(runtime.Logger, collected);
        }));
        _loops.Add(EveryAsync(TimeSpan.FromSeconds(1), metrics.SampleRates));
        if (reminders.HasDatabase) _loops.Add(new ReminderService(runtime, reminders).RunAsync(_stopping.Token));
        Log.SiloStarted(runtime.Logger, runtime.Types.Classes.Count());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        Log.SiloStopping(runtime.Logger, runtime.ActivationCount);
        await runtime.DeactivateAllAsync(runtime.Options.DeactivationTimeout);
    }

    private async Task EveryAsync(TimeSpan interval, Action work)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token)) work();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
