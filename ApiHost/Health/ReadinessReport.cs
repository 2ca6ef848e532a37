using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Health;

/// <summary>The state of one dependency in a readiness report.</summary>
public sealed record DependencyStatus(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonPropertyName("jetstream"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? JetStream = null);

/// <summary>Ready when PostgreSQL and NATS both answer.</summary>
public sealed record ReadinessReport(DependencyStatus Postgres, DependencyStatus Nats)
{
    public bool Ready => Postgres.Status == "up" && Nats.Status == "up";
}
