namespace Daarion.Grains.Access;

/// <summary>A named set of capability grants.</summary>
public sealed record BundleView(string Bundle, string Description, IReadOnlyList<BundleCap> Capabilities);
