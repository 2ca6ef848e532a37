using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Interfaces.Payouts;
using Daarion.Grains.Ledger;
using Daarion.Grains.Staking;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Payouts;

/// <summary>
/// One payout's life: generated → claimed → settled | failed. Claims run one at a time here, so of two concurrent
/// claims exactly one takes the payout. The claim is recorded before any money moves, and every ledger write is
/// under a key derived from the payout id, so resuming an interrupted settlement never credits twice. On chain,
/// the ledger books the KWT to the chain bridge wallet, the contract mints it to the claimant, and a settlement the
/// chain refuses reverses that booking and fails the payout.
/// </summary>
[GrainType("payout")]
internal sealed class PayoutGrain(PayoutStore payouts, LedgerService ledger, ChainSettlement chain, IOptions<PayoutOptions> options, ILogger<PayoutGrain> logger)
    : Grain<PayoutState>, IPayoutGrain, IRemindable
{
    private const string ConfirmReminder = "confirm-settlement";
    private const string BridgeOwner = "chain-bridge";
    private static readonly EventActor Payouts = EventActor.Service("payouts");
    private PayoutView? _payout;

    private bool OnChain => options.Value.Settlement == PayoutSettlementMode.Chain;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(GetPrimaryKeyString(), out var id)) _payout = await payouts.GetAsync(id, cancellationToken);
    }

    public Task<PayoutView?> Get() => Task.FromResult(View());

    public async Task<LedgerResult<PayoutView>> Claim(ClaimCommand command)
    {
        if (_payout is null || _payout.UserId != command.UserId) return Fail(LedgerErrorCode.PayoutNotFound, "No payout of yours has this id.");
        if (OnChain != command.Address is not null)
        {
            return Fail(LedgerErrorCode.InvalidRequest, OnChain
                ? "Payouts settle on chain here: give the address to pay (0x + 40 hex digits)."
                : "Payouts are credited to your KWT wallet here: a claim takes no address.");
        }
        var sameClaim = State.ClaimKey == command.IdempotencyKey;
        switch (State.Status)
        {
            case PayoutStatus.Settled when sameClaim:
                return new LedgerResult<PayoutView>(View(), null, Replayed: true);
            case PayoutStatus.Generated:
                State.Status = PayoutStatus.Claimed;
                State.ClaimKey = command.IdempotencyKey;
                State.Address = command.Address;
                await WriteStateAsync([], [PayoutStore.UpdateStatus(_payout.PayoutId, State)]);
                break;
            case PayoutStatus.Claimed when sameClaim:
                break; // an interrupted settlement: resume it
            default:
                return Fail(LedgerErrorCode.PayoutNotClaimable, State.Status == PayoutStatus.Failed
                    ? $"Payout {_payout.PayoutId} failed to settle ({State.Failure}); its credit was reversed and it cannot be claimed again."
                    : $"Payout {_payout.PayoutId} was claimed already.");
        }
        return await AdvanceAsync(_payout);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_payout is not null && State.Status == PayoutStatus.Claimed) await AdvanceAsync(_payout);
        if (State.Status != PayoutStatus.Claimed) await UnregisterReminder(ConfirmReminder);
    }

    // Moves a claimed payout as far as it can go now and answers with where it stands.
    private async Task<LedgerResult<PayoutView>> AdvanceAsync(PayoutView payout)
    {
        if (State.Failure is not null) return await ReverseAsync(payout);

        var wallet = OnChain ? await WalletOfAsync(BridgeOwner, "payout.bridge") : await WalletOfAsync(payout.UserId, "payout.wallet");
        if (wallet.Error is { } walletError) return Pending(payout, walletError);
        var credit = await ledger.AdjustAsync(Request("payout", payout), new AdjustmentCommand(wallet.Value!.Id, payout.Amount, $"payout {payout.PayoutId}"));
        if (credit.Error is { } error) return Pending(payout, error);
        State.TransactionId = credit.Value!.TransactionId;
        if (!OnChain) return await SettleAsync(payout);

        if (State.ChainTxHash is null)
        {
            var (hash, step, reason) = await chain.SubmitAsync(payout.PayoutId, State.Address!, payout.Amount);
            if (step == ChainStep.Paid) return await SettleAsync(payout);
            if (step == ChainStep.Refused) return await ReverseAsync(payout, reason);
            if (hash is null) return Pending(payout, new LedgerError(LedgerErrorCode.Unavailable, "the chain node is unavailable"));
            // Kept before waiting: after a restart the same transaction is waited for, never a second one sent.
            State.ChainTxHash = hash;
            await WriteStateAsync([], [PayoutStore.UpdateStatus(payout.PayoutId, State)]);
            await RegisterOrUpdateReminder(ConfirmReminder, options.Value.ConfirmCheckPeriod, options.Value.ConfirmCheckPeriod);
        }
        var (confirmed, why) = await chain.ConfirmAsync(payout.PayoutId, State.ChainTxHash, options.Value.ClaimWait);
        return confirmed switch
        {
            ChainStep.Paid => await SettleAsync(payout),
            ChainStep.Refused => await ReverseAsync(payout, why),
            _ => LedgerResult<PayoutView>.Ok(View()!), // still claimed: the reminder finishes it
        };
    }

    private async Task<LedgerResult<PayoutView>> SettleAsync(PayoutView payout)
    {
        State.Status = PayoutStatus.Settled;
        await WriteStateAsync([Event("payout.claimed", payout)], [PayoutStore.UpdateStatus(payout.PayoutId, State)]);
        return LedgerResult<PayoutView>.Ok(View()!);
    }

    // The chain will not pay: take back the bridge wallet's credit (under its own key), then fail the payout.
    private async Task<LedgerResult<PayoutView>> ReverseAsync(PayoutView payout, string? reason = null)
    {
        if (reason is not null)
        {
            State.Failure = reason;
            await WriteStateAsync([], [PayoutStore.UpdateStatus(payout.PayoutId, State)]);
        }
        var bridge = await WalletOfAsync(BridgeOwner, "payout.bridge");
        if (bridge.Error is { } bridgeError) return Pending(payout, bridgeError);
        var reversal = await ledger.AdjustAsync(Request("payout-reversal", payout), new AdjustmentCommand(bridge.Value!.Id, -payout.Amount, $"payout {payout.PayoutId} not settled"));
        if (reversal.Error is { } error) return Pending(payout, error);
        State.Status = PayoutStatus.Failed;
        await WriteStateAsync([Event("payout.failed", payout)], [PayoutStore.UpdateStatus(payout.PayoutId, State)]);
        Log.PayoutFailed(logger, payout.PayoutId, State.Failure!);
        return Fail(LedgerErrorCode.PayoutNotClaimable, $"Payout {payout.PayoutId} failed to settle ({State.Failure}); its credit was reversed.");
    }

    // The ledger or the chain is unavailable: the payout stays claimed, and a retry of this claim (or the reminder) resumes it.
    private LedgerResult<PayoutView> Pending(PayoutView payout, LedgerError error)
    {
        Log.SettlementPending(logger, payout.PayoutId, error.Code, error.Detail);
        return LedgerResult<PayoutView>.Fail(error.Code is LedgerErrorCode.Unavailable or LedgerErrorCode.OutcomeUnknown
            ? error with { Detail = $"Payout {payout.PayoutId} is claimed but not settled yet ({error.Detail}); retry the claim with the same Idempotency-Key." }
            : new LedgerError(LedgerErrorCode.Unavailable, $"Payout {payout.PayoutId} is claimed but not settled yet ({error.Detail}); retry the claim with the same Idempotency-Key."));
    }

    // The owner's KWT wallet, created when missing with an id derived from the owner, so a retry finds it.
    private async Task<LedgerResult<WalletRef>> WalletOfAsync(string owner, string space)
    {
        if (await ledger.FindWalletIdAsync(owner, PayoutStore.Asset) is { } existing) return LedgerResult<WalletRef>.Ok(new WalletRef(existing));
        var id = DeterministicGuid.Create(space, owner);
        var created = await ledger.CreateWalletAsync(new LedgerRequest(StakingStore.Scope, $"{space}:{id}", Payouts), new NewWallet(id, PayoutStore.Asset, owner, 0));
        if (created.Error is { Code: LedgerErrorCode.OwnerHasWallet } && await ledger.FindWalletIdAsync(owner, PayoutStore.Asset) is { } raced)
        {
            return LedgerResult<WalletRef>.Ok(new WalletRef(raced));
        }
        return created.Error is { } error ? LedgerResult<WalletRef>.Fail(error) : LedgerResult<WalletRef>.Ok(new WalletRef(id));
    }

    private static LedgerRequest Request(string operation, PayoutView payout) => new(StakingStore.Scope, $"{operation}:{payout.PayoutId}", Payouts);

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

    private sealed record WalletRef(Guid Id);

    /// <summary>Seed 42 §8.7's payload with the settlement's outcome.</summary>
    private sealed record ClaimedPayload(Guid PayoutId, string TeamId, string Symbol, decimal Amount, string RwaRef, string UserId, string Status,
        Guid? TransactionId, string? ChainTxHash, string? Failure);
}
