using Daarion.Silo.Runtime;
using Microsoft.Extensions.Logging;

namespace Daarion.Silo.Reminders;

/// <summary>Polls for due reminders and delivers each tick as a call, which activates the grain if needed.</summary>
internal sealed class ReminderService(GrainRuntime runtime, ReminderRegistry registry)
{
    private const int ClaimLimit = 1000;

    public async Task RunAsync(CancellationToken stopping)
    {
        var interval = runtime.Options.ReminderPollInterval;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly away; ticks stay due and are claimed on a later poll.
                Log.ReminderPollFailed(runtime.Logger, e);
            }
            try
            {
                await Task.Delay(interval, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverDueAsync(CancellationToken stopping)
    {
        IReadOnlyList<DueReminder> due;
        do
        {
            due = await registry.ClaimDueAsync(ClaimLimit, stopping).ConfigureAwait(false);
            await Task.WhenAll(due.Select(DeliverAsync)).ConfigureAwait(false);
        }
        while (due.Count == ClaimLimit && !stopping.IsCancellationRequested);
    }

    private async Task DeliverAsync(DueReminder reminder)
    {
        var grainClass = runtime.Types.FindByGrainType(reminder.GrainId.Type);
        if (grainClass is null)
        {
            Log.ReminderForUnknownGrainType(runtime.Logger, reminder.GrainId.ToString(), reminder.Name);
            return;
        }
        var tick = new ReminderTickRequest(reminder.Name, reminder.Status);
        runtime.Dispatch(reminder.GrainId, grainClass, tick);
        try
        {
            await new ValueTask(tick, tick.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.ReminderTickFailed(runtime.Logger, e, reminder.GrainId.ToString(), reminder.Name);
        }
    }
}
