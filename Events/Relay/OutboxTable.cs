namespace Daarion.Events.Relay;

internal enum OutboxTable
{
    /// <summary>outbox_events: one row per event (seed 42 §7's table), for writers with plain SQL.</summary>
    Events,

    /// <summary>outbox_batches: one row per commit holding a JSON array of events, written by grain storage and the ledger.</summary>
    Batches,
}
