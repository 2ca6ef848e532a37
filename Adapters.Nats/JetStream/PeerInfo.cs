namespace Daarion.Adapters.Nats.JetStream;

/// <summary>A replica of a clustered stream or consumer, as seen by its leader.</summary>
public sealed record PeerInfo
{
    public string Name { get; init; } = "";

    public bool Current { get; init; }

    public bool Offline { get; init; }

    public TimeSpan Active { get; init; }

    public ulong Lag { get; init; }
}
