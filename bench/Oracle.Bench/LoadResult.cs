namespace Daarion.Oracle.Bench;

/// <summary>What the senders saw in the measured window: requests, readings accepted and not, request latencies.</summary>
public sealed record LoadResult(long Requests, long Accepted, long NotAccepted, long FailedRequests, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double ReadingsPerSecond => Accepted / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
