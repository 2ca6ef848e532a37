using System.Collections.Concurrent;
using System.Security.Cryptography;
using Daarion.Grains.Interfaces.Ledger;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Ledger;

/// <summary>
/// Runs each idempotency key once at a time in this silo: a request whose key is in flight waits for the first one
/// and gets its answer (same body) or a conflict (different body). Recent answers stay in memory for fast replays;
/// older ones come from the database. Across silos the database's unique keys decide (see ledger_commit).
/// </summary>
internal sealed class IdempotencyGate(IOptions<LedgerOptions> options)
{
    private readonly ConcurrentDictionary<(string Scope, string Key), Task<Answer>> _inFlight = new();
    private readonly ConcurrentDictionary<(string Scope, string Key), Answer> _recent = new();
    private readonly ConcurrentQueue<(string Scope, string Key)> _recentOrder = new();
    private readonly int _capacity = options.Value.RecentAnswers;

    // ConcurrentDictionary.Count takes every bucket lock; under load that serialises all callers, so count here.
    private int _recentCount;

    /// <summary>
    /// Answers the request: from memory, by waiting for the same key in flight, or by running <paramref name="execute"/>,
    /// whose null result means the database already holds an answer for the key (<paramref name="replay"/> reads it).
    /// </summary>
    public async Task<LedgerResult<T>> RunAsync<T>(
        IdempotencyStamp stamp,
        Func<Task<LedgerResult<T>?>> execute,
        Func<Task<LedgerResult<T>>> replay) where T : class
    {
        var slot = (stamp.Scope, stamp.Key);
        while (true)
        {
            if (_recent.TryGetValue(slot, out var known)) return Reuse<T>(known, stamp);

            var mine = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = _inFlight.GetOrAdd(slot, mine.Task);
            if (running != mine.Task)
            {
                var answer = await running;
                // A transient failure of the first request is not an answer to the key: try again ourselves.
                if (answer.Result is null) continue;
                return Reuse<T>(answer, stamp);
            }

            LedgerResult<T> result;
            try
            {
                result = await execute() ?? await replay();
            }
            catch
            {
                mine.SetResult(new Answer(stamp.RequestHash, null));
                _inFlight.TryRemove(KeyValuePair.Create(slot, mine.Task));
                throw;
            }
            var final = IsSaved(result) ? new Answer(stamp.RequestHash, result) : new Answer(stamp.RequestHash, null);
            if (final.Result is not null) Remember(slot, final);
            mine.SetResult(final);
            _inFlight.TryRemove(KeyValuePair.Create(slot, mine.Task));
            return result;
        }
    }

    // Answers the database holds for the key; transient failures and conflicts are answers to nothing. (Requests
    // refused from their body alone never get here.)
    private static bool IsSaved<T>(LedgerResult<T> result) where T : class =>
        result.Error?.Code is not (LedgerErrorCode.Unavailable or LedgerErrorCode.OutcomeUnknown or LedgerErrorCode.IdempotencyConflict);

    private static LedgerResult<T> Reuse<T>(Answer answer, IdempotencyStamp stamp) where T : class
    {
        if (!CryptographicOperations.FixedTimeEquals(answer.RequestHash, stamp.RequestHash) || answer.Result is not LedgerResult<T> result)
        {
            return LedgerResult<T>.Fail(LedgerErrorCode.IdempotencyConflict,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
        }
        return result with { Replayed = true };
    }

    private void Remember((string, string) slot, Answer answer)
    {
        if (_capacity == 0) return;
        if (!_recent.TryAdd(slot, answer)) return;
        _recentOrder.Enqueue(slot);
        if (Interlocked.Increment(ref _recentCount) <= _capacity) return;
        if (_recentOrder.TryDequeue(out var oldest) && _recent.TryRemove(oldest, out _)) Interlocked.Decrement(ref _recentCount);
    }

    private sealed record Answer(byte[] RequestHash, object? Result);
}
