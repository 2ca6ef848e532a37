namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>One movement of a transfer: <see cref="Amount"/> (positive) from one wallet to another of the same asset.</summary>
public sealed record Posting(Guid FromWalletId, Guid ToWalletId, decimal Amount);
