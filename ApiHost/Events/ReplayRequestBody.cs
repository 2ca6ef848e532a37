using System.Text.Json.Serialization;
using Daarion.Adapters.Nats.JetStream;
using Daarion.ApiHost.Ledger;
using Daarion.Events.Replay;

namespace Daarion.ApiHost.Events;

/// <summary>
/// POST /v1/admin/events/replays: {"handler": "…", "deliver": "all|last|by_start_time|by_start_sequence",
/// "start_time": "2026-01-31T12:00:00Z", "start_sequence": 42, "replay": "instant|original", "filter_subject": "…"}.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReplayRequestBody(string? Handler, string? Deliver, string? StartTime, long? StartSequence, string? Replay, string? FilterSubject)
{
    internal bool TryToRequest(out ReplayRequest request, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(Handler)) error = "handler is required: the name of a registered event handler.";
        var deliver = Deliver switch
        {
            null or "all" => DeliverPolicy.All,
            "last" => DeliverPolicy.Last,
            "by_start_time" => DeliverPolicy.ByStartTime,
            "by_start_sequence" => DeliverPolicy.ByStartSequence,
            _ => Invalid(DeliverPolicy.All, "deliver must be all, last, by_start_time or by_start_sequence.", ref error),
        };
        var pace = Replay switch
        {
            null or "instant" => ReplayPolicy.Instant,
            "original" => ReplayPolicy.Original,
            _ => Invalid(ReplayPolicy.Instant, "replay must be instant or original.", ref error),
        };
        if (StartSequence is < 1) error ??= "start_sequence must be 1 or more.";
        RequestFields.TryTimestamp(StartTime, "start_time", out var startTime, ref error);
        request = new ReplayRequest(Handler ?? "", deliver, pace)
        {
            StartTime = startTime,
            StartSequence = StartSequence is { } sequence and > 0 ? (ulong)sequence : null,
            FilterSubject = FilterSubject,
        };
        return error is null;
    }

    private static T Invalid<T>(T fallback, string problem, ref string? error)
    {
        error ??= problem;
        return fallback;
    }
}
