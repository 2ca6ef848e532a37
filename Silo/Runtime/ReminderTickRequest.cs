namespace Daarion.Silo.Runtime;

/// <summary>A durable reminder tick, delivered as a call to <see cref="IRemindable.ReceiveReminder"/>.</summary>
internal sealed class ReminderTickRequest(string reminderName, TickStatus status) : GrainRequest<VoidResult>
{
    private static readonly GrainMethodInfo ReceiveReminderMethod =
        GrainMethodInfo.Resolve(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), [typeof(string), typeof(TickStatus)]);

    public override GrainMethodInfo Method => ReceiveReminderMethod;

    public override int ArgumentCount => 2;

    public override object? GetArgument(int index) => index switch
    {
        0 => reminderName,
        1 => status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    protected override ValueTask<VoidResult> InvokeCore(object grain) =>
        grain is IRemindable remindable
            ? Void(remindable.ReceiveReminder(reminderName, status))
            : throw new InvalidOperationException($"{grain.GetType()} has a reminder '{reminderName}' but does not implement IRemindable.");
}
