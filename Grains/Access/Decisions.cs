using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>Decisions with their one-line summaries: who, what, where, and which grants decided (or what would grant it).</summary>
internal static class Decisions
{
    public static PolicyDecision From(PolicyRequest request, Evaluation evaluation, StaticPolicy policy)
    {
        var subject = request.Subject.Key;
        var action = request.Action;
        var where = Where(request);
        var reasons = evaluation.Deciding.Select(g => g.ToReason()).ToList();
        var sources = string.Join("; ", evaluation.Deciding.Select(g => g.Source).Distinct(StringComparer.Ordinal));
        return evaluation.Outcome switch
        {
            EvaluationOutcome.Allowed => new(true, $"Allowed: {subject} may {action}{where}, by {sources}.", reasons, policy.Version),
            EvaluationOutcome.Denied => new(false, $"Denied: {action}{where} is denied to {subject} by {sources}.", reasons, policy.Version),
            _ => new(false, NotGranted(subject, action, where, policy, request.Subject.Kind), [], policy.Version),
        };
    }

    public static PolicyDecision Disabled(PolicyRequest request, string why, long version) =>
        new(false, $"Denied: {request.Subject.Key} may do nothing: {why}.", [], version);

    /// <summary>An access key allows only what its owner may do: the owner's denial, with the owner's reasons.</summary>
    public static PolicyDecision OwnerDenied(PolicyRequest request, PolicyDecision owner) =>
        new(false, $"Denied: {request.Action}{Where(request)} is allowed to {request.Subject.Key} only if its owner may; {owner.Summary}", owner.Reasons, owner.PolicyVersion);

    private static string NotGranted(string subject, string action, string where, StaticPolicy policy, SubjectKind kind)
    {
        if (!policy.IsCapability(action)) return $"Denied: {action} is not a registered capability.";
        if (policy.IsInternal(action) && kind != SubjectKind.Service) return $"Denied: {action} is internal; only internal services hold it.";
        var grantedBy = policy.GrantedBy(action);
        var hint = grantedBy.Count == 0 ? "Nothing in the registry grants it." : $"It is granted by {string.Join("; ", grantedBy)}.";
        return $"Denied by default: {subject} holds no grant of {action}{where}. {hint}";
    }

    private static string Where(PolicyRequest request) => request.Resource.TeamId is { } team ? $" in team {team}" : "";
}
