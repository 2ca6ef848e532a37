namespace Daarion.Grains.Access;

/// <summary>A bundle every subject of a kind holds ("*": every subject, callers without credentials too).</summary>
public sealed record KindBundleView(string SubjectKind, string Bundle);
