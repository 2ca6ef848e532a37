using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>A decision and the id it has in the decision log.</summary>
public sealed record LoggedDecision(Guid DecisionId, PolicyDecision Decision);
