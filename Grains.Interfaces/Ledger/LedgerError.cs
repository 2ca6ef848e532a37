namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>Why the ledger refused a request; <see cref="Code"/> is stable, <see cref="Detail"/> is for people.</summary>
public sealed record LedgerError(LedgerErrorCode Code, string Detail, decimal? Available = null);
