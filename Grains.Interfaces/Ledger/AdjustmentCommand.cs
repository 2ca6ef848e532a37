namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>An admin correction: a signed amount credited to (positive) or debited from (negative) a wallet, against its asset's system wallet.</summary>
public sealed record AdjustmentCommand(Guid WalletId, decimal Amount, string Reason);
