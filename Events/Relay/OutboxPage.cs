namespace Daarion.Events.Relay;

/// <summary>What one relay round read: the rows, oldest first per table, and their events in publishing order.</summary>
internal sealed class OutboxPage
{
    public List<OutboxRow> Rows { get; } = [];

    public List<PendingEvent> Events { get; } = [];

    public bool IsEmpty => Rows.Count == 0;
}
