using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// One wallet (key: its id, a UUID). The single writer of its debits: it checks funds against its balance, held
/// amount and in-flight reservations, so two concurrent spends of the same money cannot both pass. It never waits on
/// the database during a transfer: the ledger committer writes, then settles the reservation with the new balance.
/// </summary>
public interface IWalletGrain : IGrainWithStringKey
{
    /// <summary>The committed balance, or null when no such wallet exists.</summary>
    Task<WalletView?> Get();

    /// <summary>Sets aside <paramref name="amount"/> of the available balance for an operation about to be committed.</summary>
    Task<ReservationResult> Reserve(Guid reservationId, decimal amount);

    /// <summary>Applies a commit's outcome: the new balance (when newer than the one held) and the reservations it ends.</summary>
    Task Settle(WalletSettlement settlement);
}
