namespace Daarion.Grains.Interfaces.Logins;

/// <summary>
/// A one-time code to send (only to the address it is for; it is never stored, only its keyed hash), or, when the
/// address had its five codes this hour, how long until the next may be sent.
/// </summary>
public sealed record OtpIssue(string? Code, DateTimeOffset ExpiresAt, TimeSpan? RetryAfter)
{
    /// <summary>Redacted: the code goes into the mail and nowhere else.</summary>
    public override string ToString() => $"{{ ExpiresAt = {ExpiresAt:O}, RetryAfter = {RetryAfter} }}";
}
