namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A wallet and its committed balance; available = balance - held. Amounts carry the asset's scale.</summary>
public sealed record WalletView(
    Guid WalletId,
    string Asset,
    string OwnerId,
    bool IsSystem,
    decimal? OverdraftLimit,
    decimal Balance,
    decimal Available,
    decimal Held,
    long Version,
    DateTimeOffset CreatedAt);
