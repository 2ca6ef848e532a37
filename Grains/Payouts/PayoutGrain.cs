using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Interfaces.Payouts;
using Daarion.Grains.Ledger;
using Daarion.Grains.Staking;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;

namespace Daarion.Grains.Payouts;

/// <summary>
/// One payout's life: generated → claimed → settled | failed. Claims run one at a time here, so of two concurrent
/// claims exactly one takes the payout. The claim is recorded before any money moves; the credit is a ledger write
/// under a key derived from the payout id, so resuming an interrupted settlement can never credit twice.
/// </summary>
[GrainType("payout")]
internal sealed class PayoutGrain(PayoutStore payouts, LedgerService ledger, ILogger<PayoutGrain> logger) : Grain<PayoutState>, IPayoutGrain
{
    private static readonly EventActor Payouts = EventActor.Service("payouts");
    private PayoutView? _payout;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(GetPrimaryKeyString(), out var id)) _payout = await payouts.GetAsync(id, cancellationToken);
    }

    public Task<PayoutView?> Get() => Task.FromResult(View());

    public async Task<LedgerResult<PayoutView>> Claim(ClaimCommand command)
    {
        if (_payout is null || _payout.UserId != command.UserId) return Fail(LedgerErrorCode.PayoutNotFound, "No payout of yours has this id.");
        var sameClaim = State.ClaimKey == command.IdempotencyKey;
        switch (State.Status)
        {
            case PayoutStatus.Settled when sameClaim:
                return new LedgerResult<PayoutView>(View(), null, Replayed: true);
            case PayoutStatus.Generated:
                State.Status = PayoutStatus.Claimed;
                State.ClaimKey = command.IdempotencyKey;
                await WriteStateAsync([], [PayoutStore.UpdateStatus(_payout.PayoutId, State)]);
                break;
            case PayoutStatus.Claimed when sameClaim:
                break; // an interrupted settlement: resume it
            default:
                return Fail(LedgerErrorCode.PayoutNotClaimable, State.Status == PayoutStatus.Failed
                    ? $"Payout {_payout.PayoutId} failed to settle ({State.Failure}); it cannot be claimed again."
                    : $"Payout {_payout.PayoutId} was claimed already.");
        }
        return await SettleAsync(_payout);
    }

    private async Task<LedgerResult<PayoutView>> SettleAsync(PayoutView payout)
    {
        var wallet = await PayeeWalletAsync(payout.UserId);
        if (wallet.Error is { } walletError) return Pending(payout, walletError);
        var request = new LedgerRequest(StakingStore.Scope, $"payout:{payout.PayoutId}", Payouts);
        var credit = await ledger.AdjustAsync(request, new AdjustmentCommand(wallet.Value!.Value, payout.Amount, $"payout {payout.PayoutId}"));
        if (credit.Error is { } error) return Pending(payout, error);

        State.Status = PayoutStatus.Settled;
        State.TransactionId = credit.Value!.TransactionId;
        await WriteStateAsync([Event("payout.claimed", payout)], [PayoutStore.UpdateStatus(payout.PayoutId, State)]);
        return LedgerResult<PayoutView>.Ok(View()!);
    }

    // The ledger is unavailable or refused: the payout stays claimed, and a retry of this claim resumes it.
    private LedgerResult<PayoutView> Pending(PayoutView payout, LedgerError error)
    {
        Log.SettlementPending(logger, payout.PayoutId, error.Code, error.Detail);
        return LedgerResult<PayoutView>.Fail(error.Code is LedgerErrorCode.Unavailable or LedgerErrorCode.OutcomeUnknown
            ? error
            : new LedgerError(LedgerErrorCode.Unavailable, $"Payout {payout.PayoutId} is claimed but not yet credited ({error.Detail}); retry the claim with the same Idempotency-Key."));
    }

    // The staker's KWT wallet, created on first payout with an id derived from the staker, so a retry finds it.
    private async Task<LedgerResult<WalletId>> PayeeWalletAsync(string userId)
    {
        if (await ledger.FindWalletIdAsync(userId, PayoutStore.Asset) is { } existing) return LedgerResult<WalletId>.Ok(new WalletId(existing));
        var id = DeterministicGuid.Create("payout.wallet", userId);
        var created = await ledger.CreateWalletAsync(new LedgerRequest(StakingStore.Scope, $"payee-wallet:{id}", Payouts), new NewWallet(id, PayoutStore.Asset, userId, 0));
        if (created.Error is { Code: LedgerErrorCode.OwnerHasWallet } && await ledger.FindWalletIdAsync(userId, PayoutStore.Asset) is { } raced)
        {
            return LedgerResult<WalletId>.Ok(new WalletId(raced));
        }
        return created.Error is { } error ? LedgerResult<WalletId>.Fail(error) : LedgerResult<WalletId>.Ok(new WalletId(id));
    }

    private PayoutView? View() => _payout is null ? null : _payout with
    {
        Status = State.Status,
        TransactionId = State.TransactionId,
        ChainTxHash = State.ChainTxHash,
        Failure = State.Failure,
    };

    private OutboxEvent Event(string type, PayoutView payout) => new()
    {
        Type = type,
        Actor = Payouts,
        OrderingKey = payout.PayoutId.ToString(),
        Payload = new ClaimedPayload(payout.PayoutId, payout.DaoId, payout.Asset, payout.Amount, payout.SiteId, payout.UserId, State.Status,
            State.TransactionId, State.ChainTxHash, State.Failure),
    };

    private static LedgerResult<PayoutView> Fail(LedgerErrorCode code, string detail) => LedgerResult<PayoutView>.Fail(code, detail);

    private sealed record WalletId(Guid Value);

    /// <summary>Seed 42 §8.7's payload with the settlement's outcome.</summary>
    private sealed record ClaimedPayload(Guid PayoutId, string TeamId, string Symbol, decimal Amount, string RwaRef, string UserId, string Status,
        Guid? TransactionId, string? ChainTxHash, string? Failure);
}
