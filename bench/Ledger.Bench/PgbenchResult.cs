namespace Daarion.Ledger.Bench;

/// <summary>What pgbench reported: committed transfers per second, the average latency, and failed transactions.</summary>
public sealed record PgbenchResult(double TransfersPerSecond, double AverageLatencyMs, long Failed);
