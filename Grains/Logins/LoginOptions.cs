namespace Daarion.Grains.Logins;

/// <summary>Login settings, bound from the "Auth" configuration section (e.g. Auth__Siwe__Domain=app.daarion.city).</summary>
public sealed class LoginOptions
{
    public const string Section = "Auth";

    /// <summary>How long a Sign-In with Ethereum nonce may be used (and the oldest Issued At accepted).</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an email code is valid (ASVS 6.5.5: at most 10 minutes).</summary>
    public TimeSpan OtpLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tries per code; the last wrong one ends it.</summary>
    public int OtpMaxAttempts { get; set; } = 3;

    /// <summary>Codes sent per address per hour.</summary>
    public int OtpSendsPerHour { get; set; } = 5;

    /// <summary>Lifetime of the access tokens (JWT) a login issues; refresh gives new ones.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of a login session (its refresh token).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>What a Sign-In with Ethereum message must name.</summary>
    public SiweOptions Siwe { get; set; } = new();

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (ChallengeLifetime <= TimeSpan.Zero || ChallengeLifetime > TimeSpan.FromHours(1)) yield return "Auth:ChallengeLifetime must be positive and at most 1 hour.";
        if (OtpLifetime <= TimeSpan.Zero || OtpLifetime > TimeSpan.FromMinutes(10)) yield return "Auth:OtpLifetime must be positive and at most 10 minutes.";
        if (OtpMaxAttempts < 1) yield return "Auth:OtpMaxAttempts must be at least 1.";
        if (OtpSendsPerHour < 1) yield return "Auth:OtpSendsPerHour must be at least 1.";
        if (AccessTokenLifetime < TimeSpan.FromMinutes(1)) yield return "Auth:AccessTokenLifetime must be at least 1 minute.";
        if (SessionLifetime < AccessTokenLifetime) yield return "Auth:SessionLifetime must be at least Auth:AccessTokenLifetime.";
        if (string.IsNullOrWhiteSpace(Siwe.Domain)) yield return "Auth:Siwe:Domain must name the domain sign-in messages are for (e.g. app.daarion.city).";
    }
}
