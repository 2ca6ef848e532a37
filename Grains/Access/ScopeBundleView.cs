namespace Daarion.Grains.Access;

/// <summary>A bundle a JWT scope (the wallet seed's wallet:read …) holds for the token's lifetime.</summary>
public sealed record ScopeBundleView(string Scope, string Bundle);
