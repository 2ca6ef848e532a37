namespace Daarion.Silo.Storage;

/// <summary>A write waiting for its group commit.</summary>
internal sealed class PendingWrite(StateWrite write)
{
    public StateWrite Write { get; } = write;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
