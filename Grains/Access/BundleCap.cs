namespace Daarion.Grains.Access;

/// <summary>One capability of a bundle and whether the bundle allows or denies it.</summary>
public sealed record BundleCap(string Capability, string Effect);
