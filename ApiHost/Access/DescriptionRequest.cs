namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/capabilities/{capability}.</summary>
public sealed record DescriptionRequest(string? Description);
