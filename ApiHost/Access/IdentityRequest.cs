namespace Daarion.ApiHost.Access;

/// <summary>Body of PUT /v1/registry/embassies/{id} and /services/{id}: the identity whole, its capabilities replacing the old ones.</summary>
public sealed record IdentityRequest(string? Name, Guid? TeamId, IReadOnlyList<string?>? Capabilities, bool? Disabled);
