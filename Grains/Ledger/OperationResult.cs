namespace Daarion.Grains.Ledger;

/// <summary>
/// How the commit of one operation ended. Applied: written, with each entry's balance_after. Skipped: not written
/// because of <see cref="SkipReason"/> (e.g. "duplicate": the idempotency key was used before). Failed: not written.
/// Unknown: the connection broke during the commit, so it may or may not have been written.
/// </summary>
internal sealed record OperationResult(OperationStatus Status, string? SkipReason = null, IReadOnlyList<decimal>? BalancesAfter = null, Exception? Error = null)
{
    public const string Duplicate = "duplicate";
}

internal enum OperationStatus
{
    Applied,
    Skipped,
    Failed,
    Unknown,
}
