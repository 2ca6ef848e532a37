using System.Security.Cryptography;
using System.Text;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Grains.Interfaces.Staking;
using Daarion.Grains.Ledger;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Staking;

/// <summary>
/// A staker's RINGK in one DAO. Every movement is a ledger transfer under a key derived from the request, so a
/// retry moves nothing twice; the grain then records it with its event. If the process dies between the two, the
/// next activation compares the stake wallet's balance with what was recorded and catches up.
/// </summary>
[GrainType("stake")]
internal sealed class StakeGrain(LedgerService ledger, StakingStore store, IOptions<StakingOptions> options, TimeProvider time, ILogger<StakeGrain> logger)
    : Grain<StakeState>, IStakeGrain, IRemindable
{
    public const string Asset = "RINGK";
    private const int Scale = 8;
    private const int AppliedKept = 1_000;
    private const string ReleaseReminder = "release-unbonded";
    private static readonly EventActor Staking = EventActor.Service("staking");

    private string _daoId = "";
    private string _userId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_daoId, _userId) = StakeKey.Parse(GetPrimaryKeyString());
        if (State.StakeWalletId is not null) await ReconcileAsync();
    }

    public async Task<LedgerResult<StakePosition>> Stake(StakeCommand command)
    {
        var source = await ledger.FindWalletIdAsync(_userId, Asset);
        if (source is null) return Fail(LedgerErrorCode.UnknownWallet, $"{_userId} has no {Asset} wallet to stake from: create one with owner_id '{_userId}'.");
        var (stakeWallet, _) = await EnsureWalletsAsync();
        var moved = await ledger.TransferAsync(Request("stake", command), new TransferCommand([new Posting(source.Value, stakeWallet, command.Amount)], Metadata("stake")));
        if (moved.Error is { } error) return LedgerResult<StakePosition>.Fail(error);
        var transaction = moved.Value!.TransactionId;
        if (!State.Applied.Contains(transaction))
        {
            State.Staked += command.Amount;
            Remember(transaction);
            await WriteStateAsync([StakingEvent("staking.locked", command.Amount)]);
        }
        return new LedgerResult<StakePosition>(Position(), null, moved.Replayed);
    }

    public async Task<LedgerResult<StakePosition>> Unstake(StakeCommand command)
    {
        if (State.StakeWalletId is not { } stakeWallet || State.UnbondingWalletId is not { } unbondingWallet)
        {
            return Fail(LedgerErrorCode.InsufficientFunds, $"{_userId} has no {Asset} staked in DAO {_daoId}.");
        }
        var moved = await ledger.TransferAsync(Request("unstake", command), new TransferCommand([new Posting(stakeWallet, unbondingWallet, command.Amount)], Metadata("unstake")));
        if (moved.Error is { } error)
        {
            return error.Code == LedgerErrorCode.InsufficientFunds
                ? Fail(LedgerErrorCode.InsufficientFunds, $"Only {Money.AtScale(State.Staked, Scale)} {Asset} is staked in DAO {_daoId}.")
                : LedgerResult<StakePosition>.Fail(error);
        }
        var transaction = moved.Value!.TransactionId;
        if (!State.Applied.Contains(transaction))
        {
            State.Staked -= command.Amount;
            State.Unbonding.Add(new Unbonding(transaction, command.Amount, time.GetUtcNow() + options.Value.UnbondingPeriod));
            Remember(transaction);
            await WriteStateAsync();
            await RegisterOrUpdateReminder(ReleaseReminder, options.Value.UnbondingPeriod, options.Value.ReleaseCheckPeriod);
        }
        return new LedgerResult<StakePosition>(Position(), null, moved.Replayed);
    }

    public async Task<StakePosition> Get()
    {
        await ReleaseDueAsync();
        return Position();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ReleaseDueAsync();

    // Unbonded RINGK whose cooldown ended goes back to the staker's own wallet, each under its own key.
    private async Task ReleaseDueAsync()
    {
        var now = time.GetUtcNow();
        var due = State.Unbonding.Where(u => u.UnlocksAt <= now).ToList();
        if (due.Count == 0) return;
        var owner = await ledger.FindWalletIdAsync(_userId, Asset);
        var events = new List<OutboxEvent>();
        foreach (var unbonding in due)
        {
            if (owner is null) break;
            var request = new LedgerRequest(StakingStore.Scope, $"release:{unbonding.Id}", Staking);
            var moved = await ledger.TransferAsync(request, new TransferCommand([new Posting(State.UnbondingWalletId!.Value, owner.Value, unbonding.Amount)], Metadata("release")));
            if (moved.Error is { } error)
            {
                Log.UnbondingNotReleased(logger, unbonding.Id, _daoId, error.Code, error.Detail);
                continue;
            }
            State.Unbonding.Remove(unbonding);
            events.Add(StakingEvent("staking.unlocked", unbonding.Amount));
        }
        if (events.Count > 0) await WriteStateAsync(events);
        if (State.Unbonding.Count == 0) await UnregisterReminder(ReleaseReminder);
    }

    // The stake and unbonding wallets are ledger wallets with ids derived from the key: creating them again finds them.
    private async Task<(Guid Stake, Guid Unbonding)> EnsureWalletsAsync()
    {
        if (State.StakeWalletId is { } s && State.UnbondingWalletId is { } u) return (s, u);
        var stake = await CreateWalletAsync("stake");
        var unbonding = await CreateWalletAsync("unbonding");
        await store.RegisterAsync(_daoId, _userId, stake, unbonding);
        (State.StakeWalletId, State.UnbondingWalletId) = (stake, unbonding);
        await WriteStateAsync();
        return (stake, unbonding);
    }

    private async Task<Guid> CreateWalletAsync(string purpose)
    {
        var id = DeterministicGuid.Create($"staking.{purpose}", GetPrimaryKeyString());
        var request = new LedgerRequest(StakingStore.Scope, $"{purpose}-wallet:{id}", Staking);
        var created = await ledger.CreateWalletAsync(request, new NewWallet(id, Asset, $"{purpose}:{id}", 0));
        if (created.Error is { } error) throw new InvalidOperationException($"The {purpose} wallet of {GetPrimaryKeyString()} could not be created: {error.Code} {error.Detail}");
        return id;
    }

    // After a crash between a transfer and the state write that records it, the wallets are ahead of the state.
    private async Task ReconcileAsync()
    {
        var stake = await ledger.GetWalletAsync(State.StakeWalletId!.Value);
        var unbonding = await ledger.GetWalletAsync(State.UnbondingWalletId!.Value);
        if (stake is null || unbonding is null) return;
        // An unstake moved RINGK to the unbonding wallet without a record; a stake moved it in without one. (A release
        // without a record heals itself: the next release replays under the same key and records it then.)
        var lostUnstake = Math.Max(unbonding.Balance - State.Unbonding.Sum(u => u.Amount), 0);
        var lostStake = stake.Balance - (State.Staked - lostUnstake);
        if (lostUnstake == 0 && lostStake == 0) return;
        Log.Reconciled(logger, _daoId, lostStake, lostUnstake);
        var events = new List<OutboxEvent>();
        if (lostUnstake > 0)
        {
            // It waits a full cooldown from now: never less than it should have.
            State.Unbonding.Add(new Unbonding(Guid.CreateVersion7(), lostUnstake, time.GetUtcNow() + options.Value.UnbondingPeriod));
        }
        if (lostStake > 0) events.Add(StakingEvent("staking.locked", lostStake));
        State.Staked = stake.Balance;
        await WriteStateAsync(events);
        if (State.Unbonding.Count > 0) await RegisterOrUpdateReminder(ReleaseReminder, options.Value.ReleaseCheckPeriod, options.Value.ReleaseCheckPeriod);
    }

    private LedgerRequest Request(string operation, StakeCommand command)
    {
        // The caller's key, scoped to this staker and DAO, hashed to fit the ledger's key length.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{GetPrimaryKeyString()}\n{command.IdempotencyKey}")));
        return new LedgerRequest(StakingStore.Scope, $"{operation}:{hash}", EventActor.User(_userId));
    }

    private string Metadata(string kind) => LedgerJson.Serialize(new { kind, dao_id = _daoId, user_id = _userId });

    private void Remember(Guid transaction)
    {
        State.Applied.Add(transaction);
        if (State.Applied.Count > AppliedKept) State.Applied.RemoveAt(0);
    }

    private OutboxEvent StakingEvent(string type, decimal amount) => new()
    {
        Type = type,
        Actor = EventActor.User(_userId),
        OrderingKey = GetPrimaryKeyString(),
        Payload = new StakingPayload(_userId, _daoId, Money.AtScale(amount, Scale), Asset),
    };

    private StakePosition Position() => new(_daoId, _userId, Asset, Money.AtScale(State.Staked, Scale),
        [.. State.Unbonding.Select(u => u with { Amount = Money.AtScale(u.Amount, Scale) })], State.StakeWalletId, State.UnbondingWalletId);

    private static LedgerResult<StakePosition> Fail(LedgerErrorCode code, string detail) => LedgerResult<StakePosition>.Fail(code, detail);

    /// <summary>Seed 42 §8.6: team_id is the DAO.</summary>
    private sealed record StakingPayload(string UserId, string TeamId, decimal Amount, string Symbol);
}
