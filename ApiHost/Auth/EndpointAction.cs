namespace Daarion.ApiHost.Auth;

/// <summary>Endpoint metadata: the action (e.g. <c>wallet.transfer</c>) the access policy decides on for this route.</summary>
public sealed record EndpointAction(string Name);
