namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>An asset to add: its code (e.g. KWT) and the number of decimal places every amount of it has, fixed forever.</summary>
public sealed record NewAsset(string Code, int Scale);
