namespace Daarion.Grains.Ledger;

/// <summary>Funds a wallet grain set aside for an operation, identified by the operation's id.</summary>
internal readonly record struct WalletReservation(Guid WalletId, Guid ReservationId);
