namespace Daarion.Hosting;

/// <summary>Where and how <see cref="PostgresServer"/> runs a private PostgreSQL.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>The cluster's data directory; created and initialised with initdb on first start.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Database created on first start and named by <see cref="PostgresServer.ConnectionString"/>.</summary>
    public string Database { get; init; } = "daarion";

    /// <summary>Superuser created by initdb; trust authentication, so no password.</summary>
    public string User { get; init; } = "daarion";
}
