using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;

namespace Daarion.Grains.Ledger;

/// <summary>
/// A wallet's balance in memory and the reservations of operations being committed. Funds are checked here, one
/// turn at a time, against available = balance - held - reserved; the database checks again at commit. Turns never
/// wait on the database except to (re)read the wallet's row.
/// </summary>
[GrainType("wallet")]
internal sealed class WalletGrain(LedgerStore store) : Grain, IWalletGrain
{
    private readonly Dictionary<Guid, decimal> _reservations = [];
    private WalletRecord? _wallet;
    private WalletState _state;
    private decimal _reserved;

    // Set when a commit touching this wallet ended with an unknown outcome: the balance held here may be wrong
    // until the row is re-read, which waits until no other reservation is in flight.
    private bool _stale;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<WalletView?> Get()
    {
        // A wallet that did not exist may have been created since; one that exists never goes away.
        if (_wallet is null || (_stale && _reservations.Count == 0)) await ReloadAsync(CancellationToken.None);
        return _wallet is null ? null : View(_wallet, _state);
    }

    public async Task<ReservationResult> Reserve(Guid reservationId, decimal amount)
    {
        if (_wallet is null || _stale)
        {
            if (_reservations.Count > 0) return ReservationResult.Unavailable;
            await ReloadAsync(CancellationToken.None);
            if (_wallet is null) return ReservationResult.UnknownWallet;
        }

        var available = _state.Balance - _state.Held - _reserved;
        if (_wallet.OverdraftLimit is { } limit && available - amount < -limit)
        {
            return new ReservationResult(ReservationStatus.InsufficientFunds, Money.AtScale(available, _wallet.Scale), [.. _reservations.Keys]);
        }
        _reservations.Add(reservationId, amount);
        _reserved += amount;
        return ReservationResult.Reserved;
    }

    public async Task Settle(WalletSettlement settlement)
    {
        foreach (var reservation in settlement.EndedReservations)
        {
            if (_reservations.Remove(reservation, out var amount)) _reserved -= amount;
        }
        // Commits may report out of order; a version carries the effect of every commit before it.
        if (settlement.Version is { } version && version > _state.Version)
        {
            _state = new WalletState(settlement.Balance, settlement.Held, version);
        }
        if (settlement.OutcomeUnknown) _stale = true;
        if (_stale && _reservations.Count == 0) await ReloadAsync(CancellationToken.None);
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var record = await store.FindWalletAsync(Guid.Parse(GetPrimaryKeyString()), cancellationToken);
        _wallet = record;
        _state = record?.State ?? default;
        _stale = false;
    }

    internal static WalletView View(WalletRecord wallet, WalletState state) => new(
        wallet.WalletId,
        wallet.Asset,
        wallet.OwnerId,
        wallet.IsSystem,
        wallet.OverdraftLimit is { } limit ? Money.AtScale(limit, wallet.Scale) : null,
        Money.AtScale(state.Balance, wallet.Scale),
        Money.AtScale(state.Balance - state.Held, wallet.Scale),
        Money.AtScale(state.Held, wallet.Scale),
        state.Version,
        wallet.CreatedAt);
}
