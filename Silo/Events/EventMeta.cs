using System.Diagnostics;

namespace Daarion.Silo.Events;

/// <summary>Envelope metadata (seed 42 §6): the tenant and the trace the event belongs to.</summary>
public sealed record EventMeta(string? TeamId = null, string? TraceId = null, string? SpanId = null)
{
    /// <summary>Metadata carrying the current trace, if any.</summary>
    public static EventMeta Current(string? teamId = null) =>
        new(teamId, Activity.Current?.TraceId.ToHexString(), Activity.Current?.SpanId.ToHexString());
}
