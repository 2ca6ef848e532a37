namespace Daarion.Silo.Events;

/// <summary>
/// An event a grain emits with its state write. It lands in the outbox (in the commit's <c>outbox_batches</c> row) in
/// the same transaction and the relay publishes it; grains never publish to NATS directly (seed 34 §10).
/// </summary>
public sealed record OutboxEvent
{
    /// <summary>The event type, e.g. <c>wallet.balance.updated</c>; also the subject unless <see cref="Subject"/> says otherwise.</summary>
    public required string Type { get; init; }

    /// <summary>The type-specific payload, serialized with snake_case names.</summary>
    public required object Payload { get; init; }

    public required EventActor Actor { get; init; }

    public EventMeta Meta { get; init; } = EventMeta.Current();

    public int Version { get; init; } = 1;

    /// <summary>Events with the same key are published in commit order (site_id, agent_run_id, payout_id, wallet).</summary>
    public string? OrderingKey { get; init; }

    public string EventId { get; init; } = "evt_" + Guid.CreateVersion7().ToString("N");

    public DateTimeOffset Ts { get; init; } = DateTimeOffset.UtcNow;

    public string Subject
    {
        get => field ?? Type;
        init;
    }

    /// <summary>The first segment of the type: <c>wallet</c> for <c>wallet.balance.updated</c>.</summary>
    public string Domain => Type.Split('.', 2)[0];

    /// <summary>The envelope of seed 42 §6 as stored in the outbox and published.</summary>
    public string ToEnvelopeJson() => EventEnvelope.Serialize(this);
}
