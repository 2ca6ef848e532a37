namespace Daarion.Adapters.Nats;

/// <summary>The outcome of a probe: reachable (and whether JetStream is enabled), or why not.</summary>
public sealed record NatsProbeResult(bool Reachable, bool JetStream, string? Error)
{
    public static NatsProbeResult Ok(bool jetStream) => new(true, jetStream, null);
    public static NatsProbeResult Failed(string error) => new(false, false, error);
}
