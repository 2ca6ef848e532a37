using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Logins;

/// <summary>The nonce to put in the Sign-In with Ethereum message, and when it expires (Unix seconds), as MachPay §3.1 writes them.</summary>
public sealed record ChallengeResponse(
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("expiresAt")] long ExpiresAt);
