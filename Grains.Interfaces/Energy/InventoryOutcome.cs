namespace Daarion.Grains.Interfaces.Energy;

/// <summary>What became of an inventory report: the stock after it and the change it made, or why it was refused.</summary>
public sealed record InventoryOutcome(ReadingStatus Status, ReadingReason? Reason = null, decimal? Value = null, decimal? Delta = null);
