namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A wallet to create: it holds one asset; an owner has one wallet per asset.</summary>
public sealed record NewWallet(Guid WalletId, string Asset, string OwnerId, decimal OverdraftLimit);
