namespace Daarion.ApiHost.Infrastructure;

/// <summary>Where the host's PostgreSQL and NATS are: from DATABASE_URL / NATS_URL, or the private servers it started.</summary>
public sealed record InfrastructureEndpoints(string DatabaseConnectionString, string NatsUrl, bool Private);
