using Daarion.Grains.Access;
using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Tests;

/// <summary>A registry, what it says about one subject, and a question: may the subject do the action in the team?</summary>
internal sealed record PolicyCase(RegistrySnapshot Registry, SubjectFacts Facts, PolicySubject Subject, string Action, Guid? Team)
{
    /// <summary>The decision exactly as the policy grain makes it: compile the subject's grants, evaluate them.</summary>
    public Evaluation Evaluate() =>
        PolicyEvaluator.Evaluate(GrantCompiler.Compile(Subject, Facts, new StaticPolicy(Registry)), Action, Team);

    public bool Allowed => Evaluate().Outcome == EvaluationOutcome.Allowed;

    public override string ToString() =>
        $"{Subject.Key} [{Subject.Scopes}] {Action} in {Team?.ToString() ?? "no team"}; memberships {string.Join(", ", Facts.Memberships)}; " +
        $"grants {string.Join(", ", Facts.Grants)}; bundles {string.Join(" ", Registry.Bundles.Select(b => $"{b.Bundle}=[{string.Join(",", b.Capabilities.Select(c => $"{c.Effect}:{c.Capability}"))}]"))}";
}
