namespace Daarion.Grains.Access;

/// <summary>
/// The decision rule, as in Cedar: any applicable deny wins; otherwise any applicable allow allows; otherwise deny.
/// The answer depends only on the set of applicable grants, never on their order.
/// </summary>
internal static class PolicyEvaluator
{
    public static Evaluation Evaluate(SubjectGrants grants, string action, Guid? teamId)
    {
        var applicable = grants.For(action).Where(g => g.AppliesTo(teamId)).ToList();
        var denies = applicable.Where(g => g.Effect == GrantEffect.Deny).ToList();
        if (denies.Count > 0) return new Evaluation(EvaluationOutcome.Denied, denies);
        var unconditional = applicable.Where(g => !g.OwnerMustAllow).ToList();
        if (unconditional.Count > 0) return new Evaluation(EvaluationOutcome.Allowed, unconditional);
        return applicable.Count > 0
            ? new Evaluation(EvaluationOutcome.AllowedIfOwnerAllows, applicable)
            : new Evaluation(EvaluationOutcome.NotGranted, []);
    }
}
