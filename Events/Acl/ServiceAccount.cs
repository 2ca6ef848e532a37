namespace Daarion.Events.Acl;

/// <summary>
/// A NATS user: what a service may publish and subscribe to (seed 42 §12). Pulling from and acknowledging its consumer
/// groups, and receiving replies on _INBOX, are added by <see cref="NatsAuthorizationConfig"/>.
/// </summary>
public sealed record ServiceAccount(string Name)
{
    /// <summary>Subjects it may publish to (events, in a deployment where it has its own outbox relay).</summary>
    public IReadOnlyList<string> Publishes { get; init; } = [];

    /// <summary>Core NATS subjects it may subscribe to.</summary>
    public IReadOnlyList<string> Subscribes { get; init; } = [];

    /// <summary>The durable consumer groups it reads: (stream, group).</summary>
    public IReadOnlyList<(string Stream, string Group)> Consumes { get; init; } = [];

    /// <summary>Subjects it may neither publish to nor subscribe to, whatever else allows.</summary>
    public IReadOnlyList<string> Denies { get; init; } = [];

    /// <summary>The whole JetStream API: creating streams and consumers (the host that provisions the catalog).</summary>
    public bool ManagesJetStream { get; init; }

    /// <summary>The environment variable nats-server reads the password from: NATS_PASSWORD_ and the name in upper snake case.</summary>
    public string PasswordVariable => "NATS_PASSWORD_" + Name.ToUpperInvariant().Replace('-', '_');
}
