namespace Daarion.Grains.Access;

/// <summary>The outcome of evaluating a subject's grants for one action, with the grants that decided it.</summary>
internal sealed record Evaluation(EvaluationOutcome Outcome, IReadOnlyList<Grant> Deciding);
