namespace Daarion.Grains.Access;

/// <summary>The decision log cannot take more decisions: the request fails closed (503) rather than go unlogged.</summary>
public sealed class DecisionLogFullException() : Exception("The decision log is full; the request is refused rather than decided without a record.");
