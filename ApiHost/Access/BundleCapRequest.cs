namespace Daarion.ApiHost.Access;

/// <summary>One capability of a bundle; effect "allow" (the default) or "deny".</summary>
public sealed record BundleCapRequest(string? Capability, string? Effect);
