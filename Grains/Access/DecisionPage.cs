namespace Daarion.Grains.Access;

/// <summary>A page of the decision log and the cursor of the next (null at the end).</summary>
public sealed record DecisionPage(IReadOnlyList<DecisionRecord> Items, Guid? NextCursor);
