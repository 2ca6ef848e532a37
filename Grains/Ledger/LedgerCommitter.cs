using System.Collections.Concurrent;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Daarion.Grains.Ledger;

/// <summary>
/// Group commit for the ledger: operations submitted while commits are in flight wait and go together, across all
/// wallets, in the next call of <c>ledger_commit</c> (one PostgreSQL transaction, one fsync). After each commit the
/// touched wallet grains are told their new balances before any caller is answered, so a credit is visible to the
/// payee as soon as the payer hears of it.
/// </summary>
public sealed class LedgerCommitter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainFactory _grains;
    private readonly LedgerOptions _options;
    private readonly ILogger<LedgerCommitter> _logger;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<Guid, Task<OperationResult>> _inFlight = new();
    private readonly OutboxBatchPool _outboxBatches = new();

    // The committer's own connections, most recently used first. The pool would hand out any of its connections, and
    // a commit on a backend that has not run one lately pays for cold plan, catalog and CPU caches (several times the
    // cost of the commit itself under load).
    private readonly ConcurrentStack<NpgsqlConnection> _connections = new();
    private List<LedgerOperation> _queue = [];
    private int _committers;

    // The wallets of the groups being committed. A group leaves out the operations on them (and every later operation
    // that shares a wallet with one it left out, so each wallet's operations keep their order): two commits in flight
    // then never wait for each other's wallet locks, which would leave a core idle for the whole of the first commit.
    private readonly HashSet<Guid> _busyWallets = [];

    public LedgerCommitter(NpgsqlDataSource dataSource, IGrainFactory grains, IOptions<LedgerOptions> options, ILogger<LedgerCommitter> logger)
    {
        _dataSource = dataSource;
        _grains = grains;
        _options = options.Value;
        _logger = logger;
    }

    public LedgerMetrics Metrics { get; } = new();

    internal Task<OperationResult> Submit(LedgerOperation operation)
    {
        if (operation.Id is { } id) _inFlight[id] = operation.Completion.Task;
        bool startCommitter;
        lock (_lock)
        {
            _queue.Add(operation);
            // An operation on a wallet of a commit in flight is taken by that commit's loop once it ends; a loop
            // started for it now would only walk the queue and stop (under a hot wallet, once for every request).
            startCommitter = _committers < _options.MaxConcurrentCommits && !SharesWallet(operation, _busyWallets);
            if (startCommitter) _committers++;
        }
        // Task.Run: the commit loop must not run on (or post back to) a caller's grain turn.
        if (startCommitter) _ = Task.Run(CommitLoopAsync);
        return operation.Completion.Task;
    }

    /// <summary>Closes the connections kept for commits (the container disposes the committer when the host stops).</summary>
    public async ValueTask DisposeAsync()
    {
        while (_connections.TryPop(out var connection)) await connection.DisposeAsync();
    }

    /// <summary>Waits until the given operations (by id) finished committing; false when none of them was in flight.</summary>
    internal async Task<bool> WhenFinishedAsync(IEnumerable<Guid> operationIds)
    {
        var running = operationIds.Select(id => _inFlight.GetValueOrDefault(id)).OfType<Task<OperationResult>>().ToList();
        await Task.WhenAll(running);
        return running.Count > 0;
    }

    private async Task CommitLoopAsync()
    {
        while (TakeGroup() is { } group)
        {
            try
            {
                await CommitAsync(group);
            }
            catch (Exception e)
            {
                // A bug here must not strand callers: they get the error, their wallets re-read the truth.
                Log.CommitLoopFailed(_logger, e);
                Finish(group, BatchOutcome.Unknown(e));
            }
            finally
            {
                lock (_lock)
                {
                    foreach (var operation in group) _busyWallets.ExceptWith(operation.LockedWallets);
                }
            }
        }
    }

    private static bool SharesWallet(LedgerOperation operation, HashSet<Guid> wallets)
    {
        foreach (var wallet in operation.LockedWallets)
        {
            if (wallets.Contains(wallet)) return true;
        }
        return false;
    }

    private List<LedgerOperation>? TakeGroup()
    {
        lock (_lock)
        {
            var group = new List<LedgerOperation>(Math.Min(_queue.Count, _options.MaxBatchSize));
            var left = new List<LedgerOperation>();
            var leftWallets = new HashSet<Guid>();
            foreach (var operation in _queue)
            {
                if (group.Count < _options.MaxBatchSize && !SharesWallet(operation, _busyWallets) && !SharesWallet(operation, leftWallets))
                {
                    group.Add(operation);
                    continue;
                }
                left.Add(operation);
                leftWallets.UnionWith(operation.LockedWallets);
            }
            _queue = left;
            if (group.Count == 0)
            {
                // Nothing to take, or only operations waiting for a group in flight: its committer takes them next.
                _committers--;
                return null;
            }
            foreach (var operation in group) _busyWallets.UnionWith(operation.LockedWallets);
            return group;
        }
    }

    private async Task CommitAsync(List<LedgerOperation> group, bool retried = false)
    {
        var outcome = await ExecuteAsync(group);
        if (outcome is { Failure: PostgresException, OutcomeKnown: true } && group.Count > 1)
        {
            // The database refused the group and rolled all of it back: commit each operation alone so only the
            // offender fails (a bug, or two silos serving one wallet, since the grains check funds first).
            Metrics.RecordIsolation();
            foreach (var operation in group) await CommitAsync([operation]);
            return;
        }
        if (outcome.Failure is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && !retried)
        {
            // Another commit running at the same time created the same wallet, asset or key; it has committed now,
            // so a second try sees it and skips this operation with the right reason.
            await CommitAsync(group, retried: true);
            return;
        }
        Finish(group, outcome);
    }

    // One PostgreSQL transaction: ledger_commit, then the group's events (now that it is known which operations
    // applied and what the wallets hold) in one outbox row, then COMMIT. Only a failure during COMMIT leaves the
    // outcome unknown: before it, a broken or refused transaction has written nothing.
    private async Task<BatchOutcome> ExecuteAsync(List<LedgerOperation> group)
    {
        using var timeout = new CancellationTokenSource(_options.CommitTimeout);
        var committing = false;
        var keep = false;
        NpgsqlConnection? connection = null;
        try
        {
            connection = _connections.TryPop(out var warm) && warm.FullState == System.Data.ConnectionState.Open
                ? warm
                : await _dataSource.OpenConnectionAsync(timeout.Token);
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            BatchOutcome outcome;
            await using (var command = LedgerBatch.CreateCommand(connection, transaction, group))
            await using (var reader = await command.ExecuteReaderAsync(timeout.Token))
            {
                outcome = await LedgerBatch.ReadAsync(reader);
            }
            var events = LedgerEvents.ForCommit(group, outcome);
            if (events.Count > 0)
            {
                var batch = _outboxBatches.Rent();
                try
                {
                    await using var insert = new NpgsqlCommand(OutboxBatch.InsertSql, connection, transaction);
                    batch.AddInsertParameters(insert.Parameters, events);
                    await insert.ExecuteNonQueryAsync(timeout.Token);
                }
                finally
                {
                    _outboxBatches.Return(batch);
                }
            }
            committing = true;
            await transaction.CommitAsync(timeout.Token);
            Metrics.RecordCommit(group.Count);
            keep = true;
            return outcome;
        }
        catch (PostgresException e)
        {
            // The server reported the error, so the transaction rolled back (a refused COMMIT included).
            Metrics.RecordFailure();
            Log.GroupRefused(_logger, e, group.Count, e.SqlState);
            keep = true;
            return BatchOutcome.NotWritten(e);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or IOException)
        {
            Metrics.RecordFailure();
            if (!committing) return BatchOutcome.NotWritten(e);
            Log.OutcomeUnknown(_logger, e, group.Count);
            return BatchOutcome.Unknown(e);
        }
        finally
        {
            // Runs after the transaction was disposed, so the connection is idle. Kept for the next commit (as many
            // as commits run at once) when the exchange ended normally; otherwise back to the pool, which drops it if broken.
            if (keep && connection is { FullState: System.Data.ConnectionState.Open } && _connections.Count < _options.MaxConcurrentCommits)
            {
                _connections.Push(connection);
            }
            else if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Tells the wallets, then the callers.</summary>
    private void Finish(List<LedgerOperation> group, BatchOutcome outcome)
    {
        var results = new OperationResult[group.Count];
        for (var i = 0; i < group.Count; i++) results[i] = ResultOf(i, outcome);
        FillBalancesAfter(group, results, outcome.Wallets);
        NotifyWallets(group, outcome);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(results[i]);
            if (group[i].Id is { } id) _inFlight.TryRemove(id, out _);
        }
    }

    private static OperationResult ResultOf(int index, BatchOutcome outcome) =>
        outcome.Failure is { } failure ? new OperationResult(outcome.OutcomeKnown ? OperationStatus.Failed : OperationStatus.Unknown, Error: failure)
        : outcome.Skipped.TryGetValue(index, out var reason) ? new OperationResult(OperationStatus.Skipped, reason)
        : new OperationResult(OperationStatus.Applied);

    // Each applied entry's balance_after, computed as ledger_commit did: the wallet's balance before the group plus
    // the running sum of the group's applied entries for it, in order.
    private static void FillBalancesAfter(List<LedgerOperation> group, OperationResult[] results, IReadOnlyDictionary<Guid, ChangedWallet> wallets)
    {
        var running = new Dictionary<Guid, decimal>();
        foreach (var (wallet, changed) in wallets) running[wallet] = changed.State.Balance;
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Status != OperationStatus.Applied) continue;
            foreach (var entry in group[i].Entries) running[entry.WalletId] -= entry.Amount;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Status != OperationStatus.Applied || group[i].Entries.Count == 0) continue;
            var after = new decimal[group[i].Entries.Count];
            for (var e = 0; e < after.Length; e++)
            {
                var entry = group[i].Entries[e];
                after[e] = running[entry.WalletId] += entry.Amount;
            }
            results[i] = results[i] with { BalancesAfter = after };
        }
    }

    private void NotifyWallets(List<LedgerOperation> group, BatchOutcome outcome)
    {
        var ended = new Dictionary<Guid, List<Guid>>();
        foreach (var reservation in group.SelectMany(o => o.Reservations))
        {
            if (!ended.TryGetValue(reservation.WalletId, out var list)) ended[reservation.WalletId] = list = [];
            list.Add(reservation.ReservationId);
        }
        // After an unknown outcome every wallet the group may have changed must re-read its balance.
        var touched = outcome.OutcomeKnown
            ? outcome.Wallets.Keys.Union(ended.Keys)
            : ended.Keys.Union(group.SelectMany(o => o.Entries.Select(e => e.WalletId))).Union(group.Where(o => o.WalletId is not null).Select(o => o.WalletId!.Value));
        foreach (var wallet in touched)
        {
            var endedHere = (IReadOnlyList<Guid>?)ended.GetValueOrDefault(wallet) ?? [];
            var settlement = outcome.Wallets.TryGetValue(wallet, out var changed)
                ? new WalletSettlement(changed.State.Version, changed.State.Balance, changed.State.Held, endedHere)
                : new WalletSettlement(null, 0, 0, endedHere, OutcomeUnknown: !outcome.OutcomeKnown);
            var settle = _grains.GetGrain<IWalletGrain>(WalletKey.Of(wallet)).Settle(settlement);
            if (!settle.IsCompletedSuccessfully) _ = ObserveAsync(settle, wallet);
        }
    }

    private async Task ObserveAsync(Task settle, Guid wallet)
    {
        try
        {
            await settle;
        }
        catch (Exception e)
        {
            // The grain drops its activation when it cannot settle, so its next activation reads the database.
            Log.SettleFailed(_logger, e, wallet);
        }
    }
}
