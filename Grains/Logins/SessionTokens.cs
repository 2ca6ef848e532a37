namespace Daarion.Grains.Logins;

/// <summary>A session's id and its current refresh token (shown to the client, stored only as a hash).</summary>
public sealed record SessionTokens(Guid SessionId, Guid UserId, string RefreshToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Redacted, so that logging the value never logs the refresh token.</summary>
    public override string ToString() => $"{{ SessionId = {SessionId}, UserId = {UserId} }}";
}
