namespace Daarion.Hosting;

/// <summary>Where and how <see cref="NatsServer"/> runs a private nats-server with JetStream.</summary>
public sealed record NatsServerOptions
{
    /// <summary>JetStream store directory (-sd); created if missing.</summary>
    public required string StoreDirectory { get; init; }

    /// <summary>Client port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>HTTP monitoring port (serves /healthz); 0 picks a free one.</summary>
    public int MonitorPort { get; init; }

    /// <summary>Configuration file (-c), e.g. a cluster block; command-line options win over it.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Passed to nats-server as they are, after all other arguments.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Server name (-n); cluster members need distinct ones.</summary>
    public string? ServerName { get; init; }

    /// <summary>Makes the server a cluster member; null runs it standalone. Members need distinct <see cref="ServerName"/>s.</summary>
    public NatsServerClusterOptions? Cluster { get; init; }
}
