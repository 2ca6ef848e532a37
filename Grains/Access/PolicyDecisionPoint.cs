using Daarion.Grains.Interfaces.Access;
using Daarion.Silo;

namespace Daarion.Grains.Access;

/// <summary>
/// How the API host asks for decisions: from its cache when the registry has not changed since, otherwise from the
/// subject's <see cref="IPolicyGrain"/>; every decision is queued for the decision log.
/// </summary>
public sealed class PolicyDecisionPoint
{
    private readonly IGrainFactory _grains;
    private readonly DecisionCache _cache;
    private readonly DecisionLog _log;
    private readonly TimeProvider _time;

    internal PolicyDecisionPoint(IGrainFactory grains, DecisionCache cache, DecisionLog log, TimeProvider time)
    {
        _grains = grains;
        _cache = cache;
        _log = log;
        _time = time;
    }

    /// <summary>Decides and logs; throws <see cref="DecisionLogFullException"/> when the log cannot take it.</summary>
    public async ValueTask<LoggedDecision> DecideAsync(PolicyRequest request)
    {
        var key = DecisionKey.Of(request);
        var cached = _cache.TryGet(key, out var decision);
        if (!cached)
        {
            decision = await _grains.GetGrain<IPolicyGrain>(request.Subject.Key).Decide(request);
            _cache.Add(key, decision);
        }
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        if (!_log.TryAdd(new DecisionLogEntry(id, now, request, decision, cached))) throw new DecisionLogFullException();
        return new LoggedDecision(id, decision);
    }

    /// <summary>What would be decided and why; neither cached nor logged (it changes nothing).</summary>
    public Task<PolicyExplanation> ExplainAsync(PolicyRequest request) => _grains.GetGrain<IPolicyGrain>(request.Subject.Key).Explain(request);
}
