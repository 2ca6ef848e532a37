using FsCheck;
using FsCheck.Fluent;

namespace Daarion.Grains.Tests;

/// <summary>
/// Properties of the PDP's rule over random registries and subjects (the compile and evaluate steps of the policy
/// grain, without the database): deny overrides allow, so adding a denial can only take permissions away; and the
/// answer does not depend on the order of anything.
/// </summary>
public sealed class PolicyPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true);

    [Fact]
    public void AddingADeny_NeverTurnsADenyIntoAnAllow()
    {
        var allowedThenDenied = 0;
        Check.One(Runs, Prop.ForAll(PolicyCaseGen.CasesWithADeny, pair =>
        {
            var (before, deny) = pair;
            var after = deny.AddTo(before);
            if (before.Allowed && !after.Allowed) Interlocked.Increment(ref allowedThenDenied);
            return !after.Allowed || before.Allowed;
        }));
        // Not vacuous: some of the added denials did take a permission away.
        Assert.True(allowedThenDenied > 50, $"only {allowedThenDenied} cases went from allow to deny");
    }

    [Fact]
    public void ADecision_DoesNotDependOnTheOrderOfMembershipsGrantsOrBundles()
    {
        Check.One(Runs, Prop.ForAll(PolicyCaseGen.CasesToShuffle, policyCase =>
        {
            var reversed = policyCase with
            {
                Facts = policyCase.Facts with { Memberships = [.. policyCase.Facts.Memberships.Reverse()], Grants = [.. policyCase.Facts.Grants.Reverse()] },
                Registry = policyCase.Registry with
                {
                    Bundles = [.. policyCase.Registry.Bundles.Reverse().Select(b => b with { Capabilities = [.. b.Capabilities.Reverse()] })],
                    KindBundles = [.. policyCase.Registry.KindBundles.Reverse()],
                    RoleBundles = [.. policyCase.Registry.RoleBundles.Reverse()],
                },
            };
            return policyCase.Evaluate().Outcome == reversed.Evaluate().Outcome;
        }));
    }

    [Fact]
    public void AnApplicableDeny_AlwaysDenies_AndOnlyServicesHoldInternalCapabilities()
    {
        Check.One(Runs, Prop.ForAll(PolicyCaseGen.CasesToShuffle, policyCase =>
        {
            var evaluation = policyCase.Evaluate();
            var internalAllowed = policyCase.Action.StartsWith("service.", StringComparison.Ordinal) && evaluation.Outcome == Access.EvaluationOutcome.Allowed;
            var denyDecided = evaluation.Outcome != Access.EvaluationOutcome.Denied || evaluation.Deciding.All(g => g.Effect == Access.GrantEffect.Deny);
            return (!internalAllowed || policyCase.Subject.Kind == Interfaces.Access.SubjectKind.Service) && denyDecided;
        }));
    }
}
