namespace Daarion.Grains.Ledger;

/// <summary>A wallet row as stored: what never changes, and its projection at a version.</summary>
internal sealed record WalletRecord(
    Guid WalletId,
    string Asset,
    int Scale,
    string OwnerId,
    bool IsSystem,
    decimal? OverdraftLimit,
    DateTimeOffset CreatedAt,
    WalletState State);
