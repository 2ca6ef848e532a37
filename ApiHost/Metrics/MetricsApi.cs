using Daarion.ApiHost.Auth;
using Daarion.Events.Relay;
using Daarion.Events.Subscriptions;
using Daarion.Grains.Ledger;
using Daarion.Silo.Metrics;

namespace Daarion.ApiHost.Metrics;

public static class MetricsApi
{
    /// <summary>
    /// GET /metrics in the Prometheus text format: per grain type activations, calls, errors, queue depth, latency; ledger
    /// commits; the outbox relay's counters and lag (backlog, oldest unpublished event's age); event handlers' counters.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", (SiloMetrics silo, LedgerCommitter ledger, OutboxRelayMetrics relay, EventConsumerMetrics consumers) =>
                TypedResults.Text(
                    silo.ToPrometheusText() + ledger.Metrics.ToPrometheusText() + relay.ToPrometheusText() + consumers.ToPrometheusText(),
                    "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("Operations")
            .WithName("Metrics")
            .RequiresAction(ActionCatalog.MetricsRead)
            .AllowAnonymousAccess();
        return routes;
    }
}
