using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;
using Daarion.Silo.Events;
using Npgsql;

namespace Daarion.Grains.Ledger;

/// <summary>
/// The ledger's operations. A write: validate the request; under its idempotency key, find the wallets, reserve the
/// debited funds on each paying wallet's grain, and hand the operation to the group committer. Refusals decided by
/// the ledger's state are saved with the key, so every retry of a request gets the first answer.
/// </summary>
public sealed partial class LedgerService
{
    private readonly LedgerCommitter _committer;
    private readonly LedgerStore _store;
    private readonly AssetRegistry _assets;
    private readonly WalletDirectory _directory;
    private readonly IdempotencyGate _gate;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;

    internal LedgerService(LedgerCommitter committer, LedgerStore store, AssetRegistry assets, WalletDirectory directory, IdempotencyGate gate, IGrainFactory grains, TimeProvider time)
    {
        _committer = committer;
        _store = store;
        _assets = assets;
        _directory = directory;
        _gate = gate;
        _grains = grains;
        _time = time;
    }

    // How many times a shortfall is re-checked after the wallet's in-flight reservations finished.
    private const int MaxReservationRounds = 5;

    /// <summary>How far in the future a hold may expire.</summary>
    public static readonly TimeSpan MaxHoldLifetime = TimeSpan.FromDays(366);

    public Task<IReadOnlyList<AssetView>> ListAssetsAsync(CancellationToken cancellationToken = default) => _assets.ListAsync(cancellationToken);

    public Task<LedgerResult<AssetView>> CreateAssetAsync(LedgerRequest request, NewAsset asset)
    {
        if (!AssetCode().IsMatch(asset.Code)) return Invalid<AssetView>("code must be 1 to 16 upper-case letters or digits.");
        if (asset.Scale is < 0 or > Money.MaxScale) return Invalid<AssetView>($"scale must be between 0 and {Money.MaxScale}.");
        var stamp = Stamp(request, OperationKind.AssetCreate, asset);
        return _gate.RunAsync(stamp, async () =>
        {
            var view = new AssetView(asset.Code, asset.Scale, Guid.CreateVersion7());
            var result = await _committer.Submit(new LedgerOperation
            {
                Kind = OperationKind.AssetCreate,
                CreatedAt = Now(),
                Idempotency = stamp,
                Operation = OperationKind.AssetCreate,
                Asset = asset.Code,
                Amount = asset.Scale,
                WalletId = view.SystemWalletId,
                Outcome = LedgerJson.Serialize(new SavedOutcome<AssetView>(view, null)),
            });
            return result.Status == OperationStatus.Applied ? LedgerResult<AssetView>.Ok(view) : await CommitFailedAsync<AssetView>(stamp, OperationKind.AssetCreate, result);
        }, () => ReplayAsync<AssetView>(stamp, null));
    }

    public Task<LedgerResult<WalletView>> CreateWalletAsync(LedgerRequest request, NewWallet wallet)
    {
        if (wallet.WalletId == Guid.Empty) return Invalid<WalletView>("wallet_id must be a non-nil UUID.");
        if (string.IsNullOrWhiteSpace(wallet.OwnerId) || wallet.OwnerId.Length > 200) return Invalid<WalletView>("owner_id must be 1 to 200 characters.");
        if (wallet.OwnerId == "system") return Invalid<WalletView>("owner_id 'system' is reserved for the system wallets.");
        if (wallet.OverdraftLimit is < 0 or > Money.MaxAmount) return Invalid<WalletView>($"overdraft_limit must be between 0 and {Money.MaxAmount}.");
        var stamp = Stamp(request, OperationKind.WalletCreate, wallet);
        return _gate.RunAsync(stamp, async () =>
        {
            var asset = await _assets.FindAsync(wallet.Asset);
            if (asset is null) return await RejectAsync<WalletView>(stamp, OperationKind.WalletCreate, LedgerErrorCode.UnknownAsset, $"Asset '{wallet.Asset}' does not exist.");
            if (!Money.FitsScale(wallet.OverdraftLimit, asset.Scale))
            {
                return await RejectAsync<WalletView>(stamp, OperationKind.WalletCreate, LedgerErrorCode.InvalidAmount, $"overdraft_limit has more than {asset.Scale} decimals, the scale of {asset.Code}.");
            }
            var createdAt = Now();
            var record = new WalletRecord(wallet.WalletId, asset.Code, asset.Scale, wallet.OwnerId, false, wallet.OverdraftLimit, createdAt, default);
            var view = WalletGrain.View(record, default);
            var result = await _committer.Submit(new LedgerOperation
            {
                Kind = OperationKind.WalletCreate,
                CreatedAt = createdAt,
                Idempotency = stamp,
                Operation = OperationKind.WalletCreate,
                WalletId = wallet.WalletId,
                Asset = asset.Code,
                OwnerId = wallet.OwnerId,
                Amount = wallet.OverdraftLimit,
                Outcome = LedgerJson.Serialize(new SavedOutcome<WalletView>(view, null)),
            });
            return result.Status == OperationStatus.Applied ? LedgerResult<WalletView>.Ok(view) : await CommitFailedAsync<WalletView>(stamp, OperationKind.WalletCreate, result);
        }, () => ReplayAsync<WalletView>(stamp, null));
    }

    /// <summary>The wallet with its committed balance, or null when it does not exist.</summary>
    public Task<WalletView?> GetWalletAsync(Guid walletId) => Wallet(walletId).Get();

    /// <summary>The id of the wallet <paramref name="ownerId"/> holds in <paramref name="asset"/>, or null when there is none.</summary>
    public Task<Guid?> FindWalletIdAsync(string ownerId, string asset, CancellationToken cancellationToken = default) =>
        _store.FindWalletIdAsync(ownerId, asset, cancellationToken);

    public Task<WalletAudit?> AuditAsync(Guid walletId, CancellationToken cancellationToken = default) => _store.AuditAsync(walletId, cancellationToken);

    public Task<TransactionView?> GetTransactionAsync(Guid transactionId, CancellationToken cancellationToken = default) => _store.GetTransactionAsync(transactionId, cancellationToken);

    public Task<HoldView?> GetHoldAsync(Guid holdId, CancellationToken cancellationToken = default) => _store.GetHoldAsync(holdId, cancellationToken);

    /// <summary>A page of the wallet's entries, newest first; null when the wallet does not exist.</summary>
    public async Task<WalletEntryPage?> ListEntriesAsync(Guid walletId, long? before, int limit, CancellationToken cancellationToken = default)
    {
        if (await _directory.FindAsync(walletId) is null) return null;
        return await _store.ListEntriesAsync(walletId, before, limit, cancellationToken);
    }

    public Task<LedgerResult<TransactionView>> TransferAsync(LedgerRequest request, TransferCommand command)
    {
        if (command.Postings.Count is 0 or > TransferCommand.MaxPostings) return Invalid<TransactionView>($"postings must hold 1 to {TransferCommand.MaxPostings} postings.");
        foreach (var posting in command.Postings)
        {
            if (posting.FromWalletId == posting.ToWalletId) return Invalid<TransactionView>($"A posting moves money between two different wallets; {posting.FromWalletId} is both.");
            if (posting.Amount is <= 0 or > Money.MaxAmount) return Invalid<TransactionView>($"amount must be greater than 0 and at most {Money.MaxAmount}.");
        }
        var stamp = Stamp(request, OperationKind.Transfer, command);
        return _gate.RunAsync(
            stamp,
            () => MoveAsync(stamp, request.Actor, OperationKind.Transfer, command.Postings, command.Metadata),
            () => ReplayAsync(stamp, id => _store.GetTransactionAsync(id)));
    }

    public Task<LedgerResult<TransactionView>> AdjustAsync(LedgerRequest request, AdjustmentCommand command)
    {
        if (command.Amount == 0 || Math.Abs(command.Amount) > Money.MaxAmount) return Invalid<TransactionView>($"amount must be non-zero and at most {Money.MaxAmount} either way.");
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > 500) return Invalid<TransactionView>("reason must be 1 to 500 characters.");
        var stamp = Stamp(request, OperationKind.Adjustment, command);
        return _gate.RunAsync(stamp, async () =>
        {
            var wallet = await _directory.FindAsync(command.WalletId);
            if (wallet is null) return await RejectAsync<TransactionView>(stamp, OperationKind.Adjustment, LedgerErrorCode.UnknownWallet, $"Wallet {command.WalletId} does not exist.");
            if (wallet.IsSystem) return await RejectAsync<TransactionView>(stamp, OperationKind.Adjustment, LedgerErrorCode.InvalidRequest, "A system wallet is adjusted only as the counterpart of another wallet.");
            var system = (await _assets.FindAsync(wallet.Asset))!.SystemWalletId;
            // A positive adjustment credits the wallet from the asset's system wallet; a negative one debits it.
            var posting = command.Amount > 0
                ? new Posting(system, command.WalletId, command.Amount)
                : new Posting(command.WalletId, system, -command.Amount);
            return await MoveAsync(stamp, request.Actor, OperationKind.Adjustment, [posting], LedgerJson.Serialize(new { reason = command.Reason }));
        }, () => ReplayAsync(stamp, id => _store.GetTransactionAsync(id)));
    }

    public Task<LedgerResult<HoldView>> CreateHoldAsync(LedgerRequest request, HoldCommand command)
    {
        if (command.FromWalletId == command.ToWalletId) return Invalid<HoldView>("A hold is for another wallet than the one it holds funds of.");
        if (command.Amount is <= 0 or > Money.MaxAmount) return Invalid<HoldView>($"amount must be greater than 0 and at most {Money.MaxAmount}.");
        var now = Now();
        if (command.ExpiresAt is { } expiry && (expiry <= now || expiry > now + MaxHoldLifetime)) return Invalid<HoldView>("expires_at must be in the future and within 366 days.");
        var stamp = Stamp(request, OperationKind.HoldCreate, command);
        return _gate.RunAsync(stamp, async () =>
        {
            var (posting, refusal) = await ScaleAsync(new Posting(command.FromWalletId, command.ToWalletId, command.Amount));
            if (refusal is not null) return await RejectAsync<HoldView>(stamp, OperationKind.HoldCreate, refusal);
            var holdId = Guid.CreateVersion7();
            if (await ReserveAllAsync(holdId, [(posting!.FromWalletId, posting.Amount)]) is { } shortage)
            {
                return shortage.Code == LedgerErrorCode.Unavailable ? LedgerResult<HoldView>.Fail(shortage) : await RejectAsync<HoldView>(stamp, OperationKind.HoldCreate, shortage);
            }
            var createdAt = Now();
            var view = new HoldView(holdId, posting.FromWalletId, posting.ToWalletId, posting.Asset, Money.AtScale(posting.Amount, posting.Scale), HoldView.Pending,
                null, null, command.ExpiresAt is { } e ? Timestamps.ToMicroseconds(e) : null, createdAt, null, TransactionViews.ParseMetadata(command.Metadata));
            var result = await _committer.Submit(new LedgerOperation
            {
                Kind = OperationKind.HoldCreate,
                CreatedAt = createdAt,
                Id = holdId,
                Idempotency = stamp,
                Operation = OperationKind.HoldCreate,
                WalletId = posting.FromWalletId,
                CounterpartyId = posting.ToWalletId,
                Asset = posting.Asset,
                Amount = posting.Amount,
                ExpiresAt = view.ExpiresAt,
                Metadata = command.Metadata,
                Actor = ActorText(request.Actor),
                Outcome = LedgerJson.Serialize(new SavedOutcome<HoldView>(view, null)),
                Reservations = [new WalletReservation(posting.FromWalletId, holdId)],
            });
            return result.Status == OperationStatus.Applied ? LedgerResult<HoldView>.Ok(view) : await CommitFailedAsync<HoldView>(stamp, OperationKind.HoldCreate, result);
        }, () => ReplayAsync<HoldView>(stamp, null));
    }

    /// <summary>Moves <paramref name="amount"/> (the whole hold when null) to the payee and releases the rest of the hold.</summary>
    public Task<LedgerResult<HoldPosting>> PostHoldAsync(LedgerRequest request, Guid holdId, decimal? amount)
    {
        if (amount is <= 0 or > Money.MaxAmount) return Invalid<HoldPosting>($"amount must be greater than 0 and at most {Money.MaxAmount}.");
        var stamp = Stamp(request, OperationKind.HoldPost, new { holdId, amount });
        return _gate.RunAsync(stamp, async () =>
        {
            var hold = await _store.GetHoldAsync(holdId);
            if (PendingHoldProblem(hold, holdId) is { } problem) return await RejectAsync<HoldPosting>(stamp, OperationKind.HoldPost, problem);
            if (hold!.ExpiresAt <= Now()) return await RejectAsync<HoldPosting>(stamp, OperationKind.HoldPost, LedgerErrorCode.HoldExpired, $"Hold {holdId} expired at {hold.ExpiresAt:O}.");
            var posted = amount ?? hold.Amount;
            var scale = (await _assets.FindAsync(hold.Asset))!.Scale;
            if (posted > hold.Amount) return await RejectAsync<HoldPosting>(stamp, OperationKind.HoldPost, LedgerErrorCode.HoldAmountExceeded, $"The hold is for {hold.Amount}; {posted} cannot be posted.");
            if (!Money.FitsScale(posted, scale)) return await RejectAsync<HoldPosting>(stamp, OperationKind.HoldPost, LedgerErrorCode.InvalidAmount, $"amount has more than {scale} decimals, the scale of {hold.Asset}.");

            var transactionId = Guid.CreateVersion7();
            var createdAt = Now();
            var movement = new ScaledPosting(hold.FromWalletId, hold.ToWalletId, posted, hold.Asset, scale);
            var entries = Entries([movement]);
            var result = await _committer.Submit(new LedgerOperation
            {
                Kind = OperationKind.HoldPost,
                CreatedAt = createdAt,
                Id = transactionId,
                Idempotency = stamp,
                Operation = OperationKind.HoldPost,
                HoldId = holdId,
                WalletId = hold.FromWalletId,
                Amount = posted,
                Actor = ActorText(request.Actor),
                Entries = entries,
                Events = [LedgerEvents.Confirmed(transactionId, OperationKind.HoldPost, request.Actor, createdAt, [movement])],
            });
            if (result.Status != OperationStatus.Applied) return await CommitFailedAsync<HoldPosting>(stamp, OperationKind.HoldPost, result);
            var postedHold = hold with { Status = HoldView.Posted, PostedAmount = Money.AtScale(posted, scale), TransactionId = transactionId, ResolvedAt = createdAt };
            var transaction = TransactionViews.Create(transactionId, OperationKind.HoldPost, holdId, createdAt, EntryViews(entries, [movement], result.BalancesAfter!), null);
            return LedgerResult<HoldPosting>.Ok(new HoldPosting(postedHold, transaction));
        }, () => ReplayAsync(stamp, async id =>
        {
            var transaction = await _store.GetTransactionAsync(id);
            var hold = transaction?.HoldId is { } held ? await _store.GetHoldAsync(held) : null;
            return transaction is null || hold is null ? null : new HoldPosting(hold, transaction);
        }));
    }

    public Task<LedgerResult<HoldView>> VoidHoldAsync(LedgerRequest request, Guid holdId)
    {
        var stamp = Stamp(request, OperationKind.HoldVoid, new { holdId });
        return _gate.RunAsync(stamp, async () =>
        {
            var hold = await _store.GetHoldAsync(holdId);
            if (hold is null) return await RejectAsync<HoldView>(stamp, OperationKind.HoldVoid, LedgerErrorCode.HoldNotFound, $"Hold {holdId} does not exist.");
            if (hold.Status != HoldView.Pending) return await RejectAsync<HoldView>(stamp, OperationKind.HoldVoid, LedgerErrorCode.HoldNotPending, $"Hold {holdId} is already {hold.Status}.");
            var resolvedAt = Now();
            var voided = hold with { Status = HoldView.Voided, ResolvedAt = resolvedAt };
            var result = await _committer.Submit(new LedgerOperation
            {
                Kind = OperationKind.HoldVoid,
                CreatedAt = resolvedAt,
                Idempotency = stamp,
                Operation = OperationKind.HoldVoid,
                HoldId = holdId,
                WalletId = hold.FromWalletId,
                Outcome = LedgerJson.Serialize(new SavedOutcome<HoldView>(voided, null)),
            });
            return result.Status == OperationStatus.Applied ? LedgerResult<HoldView>.Ok(voided) : await CommitFailedAsync<HoldView>(stamp, OperationKind.HoldVoid, result);
        }, () => ReplayAsync<HoldView>(stamp, null));
    }

    /// <summary>Releases pending holds past their expiry; returns how many this call expired.</summary>
    public async Task<int> ExpireHoldsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await _store.FindExpiredHoldsAsync(now, limit, cancellationToken);
        var results = await Task.WhenAll(due.Select(h => _committer.Submit(new LedgerOperation
        {
            Kind = OperationKind.HoldExpire,
            CreatedAt = now,
            HoldId = h.HoldId,
            WalletId = h.FromWalletId,
        })));
        return results.Count(r => r.Status == OperationStatus.Applied);
    }

    // Moves money along the postings as one journal transaction: find the wallets, reserve each payer's total, commit.
    private async Task<LedgerResult<TransactionView>?> MoveAsync(IdempotencyStamp stamp, EventActor actor, string kind, IReadOnlyList<Posting> postings, string? metadata)
    {
        var scaled = new List<ScaledPosting>(postings.Count);
        foreach (var posting in postings)
        {
            var (found, refusal) = await ScaleAsync(posting);
            if (refusal is not null) return await RejectAsync<TransactionView>(stamp, kind, refusal);
            scaled.Add(found!);
        }

        var transactionId = Guid.CreateVersion7();
        var debits = scaled.GroupBy(p => p.FromWalletId).Select(g => (g.Key, g.Sum(p => p.Amount))).ToList();
        if (await ReserveAllAsync(transactionId, debits) is { } shortage)
        {
            return shortage.Code == LedgerErrorCode.Unavailable ? LedgerResult<TransactionView>.Fail(shortage) : await RejectAsync<TransactionView>(stamp, kind, shortage);
        }

        var createdAt = Now();
        var entries = Entries(scaled);
        var result = await _committer.Submit(new LedgerOperation
        {
            Kind = kind,
            CreatedAt = createdAt,
            Id = transactionId,
            Idempotency = stamp,
            Operation = kind,
            Metadata = metadata,
            Actor = ActorText(actor),
            Entries = entries,
            Events = [LedgerEvents.Confirmed(transactionId, kind, actor, createdAt, scaled)],
            Reservations = [.. debits.Select(d => new WalletReservation(d.Key, transactionId))],
        });
        if (result.Status != OperationStatus.Applied) return await CommitFailedAsync<TransactionView>(stamp, kind, result);
        return LedgerResult<TransactionView>.Ok(TransactionViews.Create(transactionId, kind, null, createdAt, EntryViews(entries, scaled, result.BalancesAfter!), metadata));
    }

    // The posting's wallets exist, share its asset, and its amount fits that asset's scale.
    private async Task<(ScaledPosting? Posting, LedgerError? Refusal)> ScaleAsync(Posting posting)
    {
        var from = await _directory.FindAsync(posting.FromWalletId);
        if (from is null) return (null, new LedgerError(LedgerErrorCode.UnknownWallet, $"Wallet {posting.FromWalletId} does not exist."));
        var to = await _directory.FindAsync(posting.ToWalletId);
        if (to is null) return (null, new LedgerError(LedgerErrorCode.UnknownWallet, $"Wallet {posting.ToWalletId} does not exist."));
        if (from.Asset != to.Asset)
        {
            return (null, new LedgerError(LedgerErrorCode.AssetMismatch, $"Wallet {from.WalletId} holds {from.Asset} but wallet {to.WalletId} holds {to.Asset}."));
        }
        if (!Money.FitsScale(posting.Amount, from.Scale))
        {
            return (null, new LedgerError(LedgerErrorCode.InvalidAmount, $"amount {posting.Amount} has more than {from.Scale} decimals, the scale of {from.Asset}."));
        }
        return (new ScaledPosting(posting.FromWalletId, posting.ToWalletId, posting.Amount, from.Asset, from.Scale), null);
    }

    // Reserves each payer's amount on its grain; if any refuses, releases the others and says why. A shortfall is
    // final only against committed state: while other reservations on the wallet are in flight (one may be a
    // duplicate the database will skip), wait for them to finish and ask again.
    private async Task<LedgerError?> ReserveAllAsync(Guid reservationId, IReadOnlyList<(Guid Wallet, decimal Amount)> debits)
    {
        for (var round = 1; ; round++)
        {
            var answers = debits.Count == 1
                ? [await Wallet(debits[0].Wallet).Reserve(reservationId, debits[0].Amount)]
                : await Task.WhenAll(debits.Select(d => Wallet(d.Wallet).Reserve(reservationId, d.Amount)));
            var refused = Array.FindIndex(answers, a => a.Status != ReservationStatus.Reserved);
            if (refused < 0) return null;

            var release = new WalletSettlement(null, 0, 0, [reservationId]);
            await Task.WhenAll(debits.Where((_, i) => answers[i].Status == ReservationStatus.Reserved).Select(d => Wallet(d.Wallet).Settle(release)));
            var (wallet, amount) = debits[refused];
            var answer = answers[refused];
            if (answer is { Status: ReservationStatus.InsufficientFunds, InFlight.Count: > 0 } && round < MaxReservationRounds)
            {
                // Reservations not made by a commit (another request releasing its own) end at once: just yield.
                if (!await _committer.WhenFinishedAsync(answer.InFlight)) await Task.Yield();
                continue;
            }
            return answer.Status switch
            {
                ReservationStatus.InsufficientFunds => new LedgerError(LedgerErrorCode.InsufficientFunds,
                    $"Wallet {wallet} has {answer.Available} available; {amount} is needed.", answer.Available),
                ReservationStatus.UnknownWallet => new LedgerError(LedgerErrorCode.UnknownWallet, $"Wallet {wallet} does not exist."),
                _ => new LedgerError(LedgerErrorCode.Unavailable, $"Wallet {wallet} is re-reading its balance after a database failure; retry shortly."),
            };
        }
    }

    // Saves the refusal under the key (null: the key already has an answer) and answers it.
    private Task<LedgerResult<T>?> RejectAsync<T>(IdempotencyStamp stamp, string operation, LedgerErrorCode code, string detail) where T : class =>
        RejectAsync<T>(stamp, operation, new LedgerError(code, detail));

    private async Task<LedgerResult<T>?> RejectAsync<T>(IdempotencyStamp stamp, string operation, LedgerError error) where T : class
    {
        var result = await _committer.Submit(new LedgerOperation
        {
            Kind = OperationKind.Rejection,
            CreatedAt = Now(),
            Idempotency = stamp,
            Operation = operation,
            Outcome = LedgerJson.Serialize(new SavedOutcome<T>(null, error)),
        });
        return result.Status == OperationStatus.Applied ? LedgerResult<T>.Fail(error) : await CommitFailedAsync<T>(stamp, operation, result);
    }

    // An operation that was not applied: its key had an answer already (null), a state it needed changed meanwhile
    // (saved as a refusal), or the database failed.
    private async Task<LedgerResult<T>?> CommitFailedAsync<T>(IdempotencyStamp stamp, string operation, OperationResult result) where T : class
    {
        switch (result.Status)
        {
            case OperationStatus.Skipped when result.SkipReason == OperationResult.Duplicate:
                return null;
            case OperationStatus.Skipped:
                return await RejectAsync<T>(stamp, operation, SkipError(result.SkipReason!));
            case OperationStatus.Unknown:
                return LedgerResult<T>.Fail(LedgerErrorCode.OutcomeUnknown,
                    "The database connection broke during the commit, so whether it was written is unknown. Retry with the same Idempotency-Key to get the outcome.");
            case OperationStatus.Failed when result.Error is PostgresException { SqlState: PostgresErrorCodes.CheckViolation }:
                // The database's own funds check refused what a wallet grain let through (two silos serving one wallet).
                return await RejectAsync<T>(stamp, operation, LedgerErrorCode.InsufficientFunds, "The database refused the debit: the available balance is too low.");
            case OperationStatus.Failed when result.Error is PostgresException { SqlState: PostgresErrorCodes.NumericValueOutOfRange }:
                return await RejectAsync<T>(stamp, operation, LedgerErrorCode.InvalidAmount, "A resulting balance would exceed the largest amount the ledger holds.");
            case OperationStatus.Failed when result.Error is PostgresException refused:
                throw new InvalidOperationException($"PostgreSQL refused a ledger {operation} (SQLSTATE {refused.SqlState}).", refused);
            default:
                return LedgerResult<T>.Fail(LedgerErrorCode.Unavailable, "The database is unavailable; nothing was written. Retry shortly with the same Idempotency-Key.");
        }
    }

    private static LedgerError SkipError(string reason) => reason switch
    {
        "hold_not_pending" => new LedgerError(LedgerErrorCode.HoldNotPending, "The hold was resolved by another request."),
        "hold_expired" => new LedgerError(LedgerErrorCode.HoldExpired, "The hold expired."),
        "hold_amount_exceeded" => new LedgerError(LedgerErrorCode.HoldAmountExceeded, "The amount exceeds the hold."),
        "wallet_exists" => new LedgerError(LedgerErrorCode.WalletExists, "A wallet with this wallet_id exists already."),
        "owner_has_wallet" => new LedgerError(LedgerErrorCode.OwnerHasWallet, "This owner has a wallet of this asset already."),
        "unknown_asset" => new LedgerError(LedgerErrorCode.UnknownAsset, "The asset does not exist."),
        "asset_exists" => new LedgerError(LedgerErrorCode.AssetExists, "An asset with this code exists already."),
        _ => throw new InvalidOperationException($"ledger_commit skipped an operation for an unknown reason '{reason}'."),
    };

    private static LedgerError? PendingHoldProblem(HoldView? hold, Guid holdId) => hold switch
    {
        null => new LedgerError(LedgerErrorCode.HoldNotFound, $"Hold {holdId} does not exist."),
        { Status: not HoldView.Pending } => new LedgerError(LedgerErrorCode.HoldNotPending, $"Hold {holdId} is already {hold.Status}."),
        _ => null,
    };

    // The answer saved for the key: the same request gets it again, another request under the key a conflict.
    private async Task<LedgerResult<T>> ReplayAsync<T>(IdempotencyStamp stamp, Func<Guid, Task<T?>>? fromTransaction) where T : class
    {
        var answer = await _store.FindAnswerAsync(stamp.Scope, stamp.Key, CancellationToken.None);
        if (answer is null)
        {
            // Another request held the key and rolled back meanwhile: nothing answers the key yet.
            return LedgerResult<T>.Fail(LedgerErrorCode.Unavailable, "Another request with this Idempotency-Key was in progress; retry.");
        }
        if (!CryptographicOperations.FixedTimeEquals(answer.RequestHash, stamp.RequestHash))
        {
            return LedgerResult<T>.Fail(LedgerErrorCode.IdempotencyConflict,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        }
        if (answer.Outcome is not null) return LedgerJson.Deserialize<SavedOutcome<T>>(answer.Outcome).ToResult();
        var value = fromTransaction is null ? null : await fromTransaction(answer.TransactionId!.Value);
        return value is null
            ? throw new InvalidOperationException($"The key's {answer.Operation} transaction {answer.TransactionId} cannot be read back as {typeof(T).Name}.")
            : new LedgerResult<T>(value, null, Replayed: true);
    }

    private static List<LedgerEntry> Entries(IReadOnlyList<ScaledPosting> postings)
    {
        var entries = new List<LedgerEntry>(postings.Count * 2);
        foreach (var p in postings)
        {
            entries.Add(new LedgerEntry(p.FromWalletId, p.Asset, -p.Amount));
            entries.Add(new LedgerEntry(p.ToWalletId, p.Asset, p.Amount));
        }
        return entries;
    }

    private static List<EntryView> EntryViews(List<LedgerEntry> entries, IReadOnlyList<ScaledPosting> postings, IReadOnlyList<decimal> balancesAfter) =>
        [.. entries.Select((e, leg) =>
        {
            var scale = postings[leg / 2].Scale;
            return new EntryView(leg, e.WalletId, e.Asset, Money.AtScale(e.Amount, scale), Money.AtScale(balancesAfter[leg], scale));
        })];

    private static IdempotencyStamp Stamp<T>(LedgerRequest request, string operation, T arguments) =>
        new(request.Scope, request.IdempotencyKey, RequestHash.Of(operation, arguments));

    private static Task<LedgerResult<T>> Invalid<T>(string detail) where T : class =>
        Task.FromResult(LedgerResult<T>.Fail(LedgerErrorCode.InvalidRequest, detail));

    private IWalletGrain Wallet(Guid walletId) => _grains.GetGrain<IWalletGrain>(WalletKey.Of(walletId));

    private DateTimeOffset Now() => Timestamps.ToMicroseconds(_time.GetUtcNow());

    private static string ActorText(EventActor actor) => $"{actor.Kind}:{actor.Id}";

    [GeneratedRegex("^[A-Z0-9]{1,16}$")]
    private static partial Regex AssetCode();
}
