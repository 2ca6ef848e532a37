namespace Daarion.Grains.Access;

/// <summary>Access control settings, bound from the "Access" configuration section (e.g. Access__DecisionCacheSize=0).</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Decisions cached per process (0 turns the cache off).</summary>
    public int DecisionCacheSize { get; set; } = 100_000;

    /// <summary>Decisions waiting to be written to the decision log; when full, requests fail closed with 503.</summary>
    public int DecisionLogCapacity { get; set; } = 100_000;

    /// <summary>Most decisions written to the log in one COPY.</summary>
    public int DecisionLogBatchSize { get; set; } = 2_000;

    /// <summary>How long the log writer waits before retrying after the database refused a batch.</summary>
    public TimeSpan DecisionLogRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often keys' last-used times are written.</summary>
    public TimeSpan KeyUsageFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the registry listener waits before reconnecting to the database.</summary>
    public TimeSpan ListenerReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (DecisionCacheSize < 0) yield return "Access:DecisionCacheSize must not be negative.";
        if (DecisionLogCapacity < 1) yield return "Access:DecisionLogCapacity must be at least 1.";
        if (DecisionLogBatchSize < 1) yield return "Access:DecisionLogBatchSize must be at least 1.";
        if (DecisionLogRetryDelay <= TimeSpan.Zero) yield return "Access:DecisionLogRetryDelay must be positive.";
        if (KeyUsageFlushInterval <= TimeSpan.Zero) yield return "Access:KeyUsageFlushInterval must be positive.";
        if (ListenerReconnectDelay <= TimeSpan.Zero) yield return "Access:ListenerReconnectDelay must be positive.";
    }
}
