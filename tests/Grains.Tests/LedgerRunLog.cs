using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Daarion.Grains.Tests;

/// <summary>
/// What a property run exercised (how often each kind of command met each expected outcome), the first failure it
/// met (FsCheck reports only the shrunk one), and the step each failed scenario failed at, where shrinking starts.
/// </summary>
internal sealed class LedgerRunLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConditionalWeakTable<LedgerScenario, StrongBox<int>> _failedSteps = [];
    private string? _firstFailure;
    private string? _firstRetry;
    private int _retries;

    public void Count(LedgerCommand command, LedgerExpectation expected, bool concurrent)
    {
        var outcome = expected switch
        {
            LedgerExpectation.Refusal refusal => refusal.Code.ToString(),
            LedgerExpectation.Replay => "replay",
            LedgerExpectation.Conflict => "conflict",
            _ => "success",
        };
        _counts.AddOrUpdate($"{command.GetType().Name} {outcome}{(concurrent ? " (sent at once)" : "")}", 1, (_, n) => n + 1);
    }

    public void Count(LedgerCommand command, LedgerAnswer answer) =>
        _counts.AddOrUpdate($"{command.GetType().Name} {answer.Error?.Code.ToString() ?? "success"}{(answer.Replayed ? " replayed" : "")} (in a burst)", 1, (_, n) => n + 1);

    public void Failed(LedgerScenario scenario, int step, string failure)
    {
        _failedSteps.AddOrUpdate(scenario, new StrongBox<int>(step));
        Interlocked.CompareExchange(ref _firstFailure, failure, null);
    }

    /// <summary>The step <paramref name="scenario"/> failed at when it last ran, if it failed.</summary>
    public int? FailedStep(LedgerScenario scenario) => _failedSteps.TryGetValue(scenario, out var step) ? step.Value : null;

    /// <summary>A scenario started over because the database could not be reached in time.</summary>
    public void Retried(string reason)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.CompareExchange(ref _firstRetry, reason, null);
    }

    public override string ToString() =>
        (_firstFailure is null ? "" : $"First failure, before shrinking:\n{_firstFailure}\n\n") +
        (_firstRetry is null ? "" : $"Scenarios started over after infrastructure trouble: {_retries}, first because: {_firstRetry}\n\n") +
        "Commands by outcome (expected by the model, or answered in a burst):\n" +
        string.Join("\n", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value,6}  {c.Key}"));
}
