using System.Globalization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>De-duplication and optimistic-concurrency headers of a JetStream publish.</summary>
public sealed record JetStreamPublishOptions
{
    /// <summary>Nats-Msg-Id: a second publish with the same id within the stream's duplicate window is acknowledged but not stored.</summary>
    public string? MsgId { get; init; }

    /// <summary>Nats-Expected-Stream: refuse unless the subject belongs to this stream.</summary>
    public string? ExpectedStream { get; init; }

    /// <summary>Nats-Expected-Last-Sequence: refuse unless the stream's last sequence is this.</summary>
    public ulong? ExpectedLastSequence { get; init; }

    /// <summary>Nats-Expected-Last-Subject-Sequence: refuse unless the last message on this subject has this sequence (0: none yet).</summary>
    public ulong? ExpectedLastSubjectSequence { get; init; }

    /// <summary>Nats-Expected-Last-Msg-Id: refuse unless the stream's last message had this id.</summary>
    public string? ExpectedLastMsgId { get; init; }

    // The caller's headers plus ours, in a copy: the caller's object is never changed.
    internal NatsHeaders ApplyTo(NatsHeaders? headers)
    {
        var merged = headers is null ? new NatsHeaders() : new NatsHeaders(headers);
        if (MsgId is not null)
            merged["Nats-Msg-Id"] = MsgId;
        if (ExpectedStream is not null)
            merged["Nats-Expected-Stream"] = ExpectedStream;
        if (ExpectedLastSequence is { } lastSequence)
            merged["Nats-Expected-Last-Sequence"] = lastSequence.ToString(CultureInfo.InvariantCulture);
        if (ExpectedLastSubjectSequence is { } subjectSequence)
            merged["Nats-Expected-Last-Subject-Sequence"] = subjectSequence.ToString(CultureInfo.InvariantCulture);
        if (ExpectedLastMsgId is not null)
            merged["Nats-Expected-Last-Msg-Id"] = ExpectedLastMsgId;
        return merged;
    }
}
