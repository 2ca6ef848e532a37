using System.Globalization;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// Where a consumed message stands, from its ack subject: <c>$JS.ACK.&lt;stream&gt;.&lt;consumer&gt;.&lt;delivered&gt;.&lt;stream seq&gt;.&lt;consumer seq&gt;.&lt;ns&gt;.&lt;pending&gt;</c>
/// (nats-server 2.9), or the newer form with the domain and account hash after <c>$JS.ACK</c>.
/// </summary>
public sealed record JetStreamMessageMetadata
{
    /// <summary>The JetStream domain (newer servers); null when none.</summary>
    public string? Domain { get; init; }

    public required string Stream { get; init; }

    public required string Consumer { get; init; }

    /// <summary>1 on the first delivery, more on redeliveries.</summary>
    public ulong NumDelivered { get; init; }

    public ulong StreamSequence { get; init; }

    public ulong ConsumerSequence { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Messages left for the consumer after this one.</summary>
    public ulong NumPending { get; init; }

    /// <summary>Parses an ack subject; false for anything else.</summary>
    public static bool TryParse(string? ackSubject, out JetStreamMessageMetadata? metadata)
    {
        metadata = null;
        if (ackSubject is null || !ackSubject.StartsWith("$JS.ACK.", StringComparison.Ordinal))
            return false;
        var tokens = ackSubject.Split('.');
        // v1: $JS ACK stream consumer delivered sseq cseq ts pending
        // v2: $JS ACK domain account stream consumer delivered sseq cseq ts pending [random…]
        var (domain, first) = tokens.Length switch
        {
            9 => ((string?)null, 2),
            >= 11 => (tokens[2] == "_" ? null : tokens[2], 4),
            _ => ((string?)null, -1),
        };
        if (first < 0
            || !TryNumber(tokens[first + 2], out var delivered)
            || !TryNumber(tokens[first + 3], out var streamSequence)
            || !TryNumber(tokens[first + 4], out var consumerSequence)
            || !TryNumber(tokens[first + 5], out var nanoseconds)
            || !TryNumber(tokens[first + 6], out var pending))
        {
            return false;
        }
        metadata = new JetStreamMessageMetadata
        {
            Domain = domain,
            Stream = tokens[first],
            Consumer = tokens[first + 1],
            NumDelivered = delivered,
            StreamSequence = streamSequence,
            ConsumerSequence = consumerSequence,
            Timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100)),
            NumPending = pending,
        };
        return true;
    }

    private static bool TryNumber(string token, out ulong value) =>
        ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
