namespace Daarion.Silo.Bench;

/// <summary>What the benchmark measures.</summary>
public enum BenchMode
{
    /// <summary>In-process grain calls/s on an in-memory grain (no storage).</summary>
    Calls,

    /// <summary>Durable state writes/s on PostgreSQL, group commit on versus off.</summary>
    Writes,
}
