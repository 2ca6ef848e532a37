using Daarion.Grains.Interfaces.Logins;
using Daarion.Silo;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Logins;

/// <summary>
/// One address's codes. The state is written before a code is handed out and after every try, so neither a restart
/// nor a retry gives more codes or more tries than the limits allow.
/// </summary>
[GrainType("email_login")]
internal sealed class EmailLoginGrain(OneTimeCodes codes, IOptions<LoginOptions> options, TimeProvider time) : Grain<EmailLoginState>, IEmailLoginGrain
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public async Task<OtpIssue> Issue()
    {
        var now = time.GetUtcNow();
        State.Sends.RemoveAll(sent => sent <= now - Hour);
        if (State.Sends.Count >= options.Value.OtpSendsPerHour) return new OtpIssue(null, default, State.Sends.Min() + Hour - now);

        var code = OneTimeCodes.Generate();
        State.Sends.Add(now);
        State.RequestId = Guid.NewGuid();
        State.CodeHash = codes.Hash(State.RequestId, code);
        State.ExpiresAt = now + options.Value.OtpLifetime;
        State.Attempts = 0;
        await WriteStateAsync();
        return new OtpIssue(code, State.ExpiresAt, null);
    }

    public async Task<bool> Verify(string code)
    {
        if (State.CodeHash is not { } hash) return false;
        var matches = State.ExpiresAt > time.GetUtcNow() && codes.Matches(State.RequestId, code, hash);
        State.Attempts++;
        // Single use, and dead after the last allowed try.
        if (matches || State.Attempts >= options.Value.OtpMaxAttempts) State.CodeHash = null;
        await WriteStateAsync();
        return matches;
    }
}
