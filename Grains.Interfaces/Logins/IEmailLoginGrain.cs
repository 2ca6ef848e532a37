using Daarion.Silo;

namespace Daarion.Grains.Interfaces.Logins;

/// <summary>
/// Email one-time codes for one address (key: the normalized address), one turn at a time, so limits hold under
/// concurrency: at most five codes an hour; only the latest code works, once, for ten minutes, with three attempts.
/// </summary>
public interface IEmailLoginGrain : IGrainWithStringKey
{
    /// <summary>A new code (the previous one stops working), or when the next may be sent.</summary>
    Task<OtpIssue> Issue();

    /// <summary>True once for the latest code while it is valid; every try counts, and the third wrong one ends the code.</summary>
    Task<bool> Verify(string code);
}
