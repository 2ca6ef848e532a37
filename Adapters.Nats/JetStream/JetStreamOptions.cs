namespace Daarion.Adapters.Nats.JetStream;

/// <summary>Settings of a <see cref="JetStreamContext"/>; <see cref="Validate"/> names every bad one.</summary>
public sealed record JetStreamOptions
{
    /// <summary>The JetStream domain to talk to (a leaf node's hub…); null for the local one.</summary>
    public string? Domain { get; init; }

    /// <summary>How long an API call or a publish waits for its answer or ack.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero) yield return "JetStream:RequestTimeout must be positive.";
        if (Domain is not null && (Domain.Length == 0 || Domain.AsSpan().IndexOfAny(". *>") >= 0))
            yield return "JetStream:Domain must be a single subject token.";
    }

    internal string ApiPrefix => Domain is null ? "$JS.API" : $"$JS.{Domain}.API";
}
