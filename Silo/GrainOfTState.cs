using Daarion.Silo.Events;
using Daarion.Silo.Storage;

namespace Daarion.Silo;

/// <summary>
/// A grain with persistent state, read on activation and written with a version check (the ETag). A write may
/// carry outbox events and extra SQL that commit in the same PostgreSQL transaction as the state, or not at all.
/// </summary>
public abstract class Grain<TState> : Grain where TState : class, new()
{
    /// <summary>The state as last read or written; assign or mutate it, then call <see cref="WriteStateAsync()"/>.</summary>
    protected TState State { get; set; } = new();

    /// <summary>The stored version this activation holds (0 = never written).</summary>
    protected long StateVersion { get; private set; }

    /// <summary>Writes the state; a stale version throws <see cref="InconsistentStateException"/>.</summary>
    protected Task WriteStateAsync() => WriteStateAsync([]);

    /// <summary>Writes the state, the events and the statements in one transaction.</summary>
    protected Task WriteStateAsync(IReadOnlyList<OutboxEvent> events, IReadOnlyList<SqlStatement>? statements = null) =>
        PersistAsync(Activation.Runtime.Storage.Serialize(State), events, statements ?? []);

    /// <summary>Replaces the stored state with an empty one (the version keeps counting, so stale writers still fail).</summary>
    protected Task ClearStateAsync()
    {
        State = new TState();
        return StateVersion == 0 ? Task.CompletedTask : PersistAsync(GrainStorage.EmptyPayload, [], []);
    }

    /// <summary>Re-reads the state from storage, discarding in-memory changes.</summary>
    protected Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    internal override Task ReadStateOnActivateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var storage = Activation.Runtime.Storage;
        var stored = await storage.ReadAsync(GrainId, cancellationToken);
        State = stored.Payload is null ? new TState() : storage.Deserialize<TState>(stored.Payload) ?? new TState();
        StateVersion = stored.Version;
    }

    private async Task PersistAsync(string payload, IReadOnlyList<OutboxEvent> events, IReadOnlyList<SqlStatement> statements)
    {
        try
        {
            StateVersion = await Activation.Runtime.Storage.WriteAsync(new StateWrite(GrainId, StateVersion, payload, events, statements));
        }
        catch
        {
            // The in-memory state may no longer match storage, or the outcome is unknown: drop this activation
            // when the turn ends so the next call re-reads the truth.
            Activation.RequestDeactivation(DeactivationReason.StateWriteFailed);
            throw;
        }
    }
}
