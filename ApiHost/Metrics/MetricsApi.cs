using Daarion.ApiHost.Auth;
using Daarion.Events.Relay;
using Daarion.Grains.Ledger;
using Daarion.Silo.Metrics;

namespace Daarion.ApiHost.Metrics;

public static class MetricsApi
{
    /// <summary>
    /// GET /metrics in the Prometheus text format: per grain type activations, calls, errors, queue depth, latency; ledger
    /// commits; the outbox relay's counters and lag (backlog, oldest unpublished event's age).
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", (SiloMetrics silo, LedgerCommitter ledger, OutboxRelayMetrics relay) =>
                TypedResults.Text(silo.ToPrometheusText() + ledger.Metrics.ToPrometheusText() + relay.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("Operations")
            .WithName("Metrics")
            .AllowAnonymousAccess();
        return routes;
    }
}
