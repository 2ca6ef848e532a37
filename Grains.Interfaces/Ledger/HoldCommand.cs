namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A two-phase transfer's first phase: set aside <see cref="Amount"/> of the payer's balance for the payee until posted, voided or expired.</summary>
public sealed record HoldCommand(Guid FromWalletId, Guid ToWalletId, decimal Amount, DateTimeOffset? ExpiresAt, string? Metadata);
