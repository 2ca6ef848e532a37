using System.Collections.Concurrent;

namespace Daarion.Events.Catalog;

/// <summary>
/// The event catalog of seed 42: fourteen streams, one per event category (§3), with the subjects and payload types of
/// §8, retention after §9 and the consumer groups of §10.
/// </summary>
/// <remarks>
/// §9 asks "workqueue" storage for agent, chat, project and task events; a work-queue stream deletes a message at its
/// first ack and allows one consumer per subject, which rules out the two groups of STREAM_AGENT_RUN (§10) and the
/// replay of agent-run statistics (§13). Every stream therefore uses limits retention (max_age) on file storage.
/// </remarks>
public static class EventCatalog
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    // Subjects come from the code's event types, a small set: each is matched against the patterns once.
    private static readonly ConcurrentDictionary<string, EventStreamDefinition?> BySubject = new(StringComparer.Ordinal);

    public static IReadOnlyList<EventStreamDefinition> Streams { get; } =
    [
        Stream("STREAM_AGENT_RUN", "Agent runs (seed 42 §8.1)", ["agent.run.>"], 30 * Day,
            ["agent.run.started", "agent.run.completed", "agent.run.failed", "agent.run.rate_limited"],
            ["telemetry", "analytics"]),
        Stream("STREAM_CHAT", "Chat messages, summaries only (§8.2)", ["chat.message.>"], 30 * Day,
            ["chat.message.created", "chat.message.updated", "chat.message.deleted"],
            ["search-indexer"]),
        Stream("STREAM_PROJECT", "Projects (§8.3)", ["project.>"], 90 * Day,
            ["project.created", "project.updated"]),
        Stream("STREAM_TASK", "Tasks (§8.4)", ["task.>"], 90 * Day,
            ["task.created", "task.updated", "task.completed"]),
        Stream("STREAM_WALLET", "Wallet balances and transactions (§8.5)", ["wallet.>"], 7 * Year,
            ["wallet.balance.updated", "wallet.tx.sent", "wallet.tx.confirmed"],
            ["wallet", "payout", "usage"]),
        Stream("STREAM_STAKING", "RINGK staking (§8.6)", ["staking.>"], 7 * Year,
            ["staking.locked", "staking.unlocked"]),
        Stream("STREAM_PAYOUT", "KWT/1T payouts (§8.7)", ["payout.>"], 7 * Year,
            ["payout.generated", "payout.claimed", "payout.failed"]),
        Stream("STREAM_EMBASSY", "Embassy webhooks from energy, food and water platforms (§8.8)", ["embassy.>"], 3 * Year,
            ["embassy.energy.update", "embassy.food.update", "embassy.water.update", "embassy.event.received"],
            ["oracle", "usage"]),
        Stream("STREAM_ORACLE", "Normalised meter readings (§8.9)", ["oracle.>"], 3 * Year,
            ["oracle.reading.published"]),
        Stream("STREAM_RWA", "Real-world-asset inventory (§8.10)", ["rwa.>"], 3 * Year,
            ["rwa.inventory.updated"],
            ["wallet", "dashboard"]),
        Stream("STREAM_GOVERNANCE", "Governance policies, kept forever (§8.11)", ["governance.>"], TimeSpan.Zero,
            ["governance.policy.created", "governance.policy.updated", "governance.policy.failed"],
            ["pdp", "audit"]),
        // §9 gives no retention for usage, telemetry and RAG: usage is kept 13 months so yearly counters can be rebuilt
        // (§13), telemetry two weeks, RAG as long as agent runs' neighbours.
        Stream("STREAM_USAGE", "Usage counters (§8.12)", ["usage.>"], 400 * Day,
            ["usage.agent_run.increment", "usage.llm.increment", "usage.embassy.increment"],
            ["quota"]),
        Stream("STREAM_TELEMETRY", "Client telemetry (§8.13)", ["telemetry.>"], 14 * Day,
            ["telemetry.event", "telemetry.error", "telemetry.screen_view"]),
        Stream("STREAM_RAG", "Document parsing and RAG indexing (§8.14)", ["parser.>", "rag.>"], 90 * Day,
            ["parser.document.parsed", "rag.document.ingested", "rag.document.indexed"],
            ["rag-service", "parser-service", "search-indexer"]),
    ];

    /// <summary>Every event type of §8, in catalog order.</summary>
    public static IEnumerable<string> EventTypes => Streams.SelectMany(s => s.EventTypes);

    /// <summary>The stream a subject is stored in, or null when no stream captures it (the relay dead-letters such events).</summary>
    public static EventStreamDefinition? StreamFor(string subject) =>
        BySubject.GetOrAdd(subject, static s => Streams.FirstOrDefault(stream => stream.Captures(s)));

    public static EventStreamDefinition? Find(string streamName) =>
        Streams.FirstOrDefault(s => string.Equals(s.Name, streamName, StringComparison.Ordinal));

    private static EventStreamDefinition Stream(
        string name, string description, string[] subjects, TimeSpan maxAge, string[] types, string[]? groups = null) => new()
        {
            Name = name,
            Description = description,
            Subjects = subjects,
            MaxAge = maxAge,
            EventTypes = types,
            ConsumerGroups = groups ?? [],
        };
}
