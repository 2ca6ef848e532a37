namespace Daarion.Events.Relay;

/// <summary>
/// The relay's fence per stream: each publish names the previous event it sent to that stream
/// (Nats-Expected-Last-Msg-Id), so the stream stores the relay's events only in the relay's order. When a publish is
/// lost (a dropped connection, a refusal), every later one of the same pipeline is refused too instead of overtaking it,
/// and the stream is "unsynced" until a publish sent alone, without the fence, succeeds again.
/// </summary>
internal sealed class StreamChains
{
    private readonly Dictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private int _epoch;
    private int _seenEpoch;

    /// <summary>Forgets every chain (thread-safe): after a reconnect the server may have lost what it last stored.</summary>
    public void Invalidate() => Interlocked.Increment(ref _epoch);

    /// <summary>Applies an <see cref="Invalidate"/> made since the last call; called at the start of a round.</summary>
    public void BeginRound()
    {
        var epoch = Volatile.Read(ref _epoch);
        if (epoch == _seenEpoch) return;
        _seenEpoch = epoch;
        _lastSent.Clear();
    }

    public bool IsSynced(string stream) => _lastSent.ContainsKey(stream);

    /// <summary>The id the next fenced publish to <paramref name="stream"/> expects as the stream's last.</summary>
    public string LastSent(string stream) => _lastSent[stream];

    /// <summary>Records a publish to a synced stream, or the success of the lone publish that syncs it.</summary>
    public void Sent(string stream, string eventId) => _lastSent[stream] = eventId;

    /// <summary>A publish failed: later ones must not be fenced on it.</summary>
    public void Break(string stream) => _lastSent.Remove(stream);
}
