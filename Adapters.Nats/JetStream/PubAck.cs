namespace Daarion.Adapters.Nats.JetStream;

/// <summary>The stream's receipt for a published message: it is stored under <see cref="Seq"/>.</summary>
public sealed record PubAck
{
    public string Stream { get; init; } = "";

    public ulong Seq { get; init; }

    /// <summary>The Nats-Msg-Id was seen within the duplicate window: nothing new was stored, <see cref="Seq"/> is the original's.</summary>
    public bool Duplicate { get; init; }

    public string? Domain { get; init; }
}
