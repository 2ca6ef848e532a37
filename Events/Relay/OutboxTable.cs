namespace Daarion.Events.Relay;

internal enum OutboxTable
{
    /// <summary>outbox_events: one row per event, written by the silo's grain storage with grain state.</summary>
    Events,

    /// <summary>outbox_batches: one row per commit holding a JSON array of events, written by the ledger.</summary>
    Batches,
}
