namespace Daarion.Adapters.Nats.JetStream;

/// <summary>One pull request: how many messages, and how long the server may take to gather them.</summary>
public sealed record FetchOptions
{
    /// <summary>The batch: the fetch ends once this many messages came.</summary>
    public int MaxMessages { get; init; } = 1;

    /// <summary>The server ends the pull (408) after this long, with whatever it had; ignored with <see cref="NoWait"/>.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Ask the server for a heartbeat after this much silence; two missed ones fail the fetch with
    /// <see cref="JetStreamNoHeartbeatException"/> instead of waiting for the expiry. At most half of <see cref="Expires"/>.
    /// </summary>
    public TimeSpan? IdleHeartbeat { get; init; }

    /// <summary>Answer at once: what is available now, or nothing (404).</summary>
    public bool NoWait { get; init; }

    /// <summary>Stop before the batch's bytes exceed this.</summary>
    public long? MaxBytes { get; init; }

    public IEnumerable<string> Validate()
    {
        if (MaxMessages < 1) yield return "Fetch:MaxMessages must be at least 1.";
        if (!NoWait && Expires < TimeSpan.FromMilliseconds(1)) yield return "Fetch:Expires must be at least 1 ms.";
        if (IdleHeartbeat is { } heartbeat && (heartbeat <= TimeSpan.Zero || (!NoWait && 2 * heartbeat > Expires)))
            yield return "Fetch:IdleHeartbeat must be positive and at most half of Fetch:Expires.";
        if (MaxBytes is < 1) yield return "Fetch:MaxBytes must be positive.";
    }
}
