namespace Daarion.Events.Relay;

/// <summary>A row of outbox_events (one event) or outbox_batches (several), and where its events sit in the page.</summary>
internal sealed record OutboxRow(OutboxTable Table, long Id, int FirstEvent, int EventCount);
