namespace Daarion.Silo;

/// <summary>Implemented by grain classes that register durable reminders.</summary>
public interface IRemindable
{
    /// <summary>A reminder tick. Ticks can be late, missed while the silo was down, or repeated: handlers are idempotent.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>What a reminder tick knows about its schedule.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
