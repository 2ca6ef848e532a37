namespace Daarion.Silo.Tests.TestGrains;

public sealed class ReminderState
{
    public int Ticks { get; set; }
    public string? LastReminder { get; set; }
}

/// <summary>Counts its reminder ticks in stored state, so a test can see ticks delivered by another silo.</summary>
public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, int dueMilliseconds, int periodMilliseconds);

    Task Unregister(string name);

    Task<int> Ticks();
}

public sealed class ReminderGrain : Grain<ReminderState>, IReminderGrain, IRemindable
{
    public Task Register(string name, int dueMilliseconds, int periodMilliseconds) =>
        RegisterOrUpdateReminder(name, TimeSpan.FromMilliseconds(dueMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds));

    public Task Unregister(string name) => UnregisterReminder(name);

    public Task<int> Ticks() => Task.FromResult(State.Ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        State.Ticks++;
        State.LastReminder = reminderName;
        return WriteStateAsync();
    }
}
