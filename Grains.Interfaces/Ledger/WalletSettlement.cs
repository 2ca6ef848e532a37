namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// What a commit did to one wallet: the balance and held amount at <see cref="Version"/> (null when the commit did
/// not change the wallet), and the reservations it ends. <see cref="OutcomeUnknown"/>: the database connection broke
/// during the commit, so the wallet must re-read its balance before it reserves again.
/// </summary>
public sealed record WalletSettlement(
    long? Version,
    decimal Balance,
    decimal Held,
    IReadOnlyList<Guid> EndedReservations,
    bool OutcomeUnknown = false);
