namespace Daarion.Hosting;

/// <summary>Cluster membership of a <see cref="NatsServer"/> (--cluster_name, --cluster, --routes), all on 127.0.0.1.</summary>
public sealed record NatsServerClusterOptions
{
    /// <summary>The cluster's name, the same on every member.</summary>
    public required string Name { get; init; }

    /// <summary>The port this member accepts routes on; fixed, because the other members' routes name it.</summary>
    public required int Port { get; init; }

    /// <summary>The route ports of the other members.</summary>
    public IReadOnlyList<int> Routes { get; init; } = [];
}
