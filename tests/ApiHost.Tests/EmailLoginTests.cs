using System.Text.Json;
using System.Text.RegularExpressions;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed partial class EmailLoginTests
{
    [Fact]
    public async Task AnEmailCode_SignsIn_AndCreatesTheUserOnce()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var anonymous = new LedgerClient(api.CreateClient());
        var email = $"Ada.{Guid.NewGuid():N}@Example.org";

        var first = await LoginAsync(world, anonymous, email);
        var second = await LoginAsync(world, anonymous, email);

        var user = first.GetProperty("user");
        Assert.Equal(email.ToLowerInvariant(), user.GetProperty("email").GetString());
        Assert.Equal(user.GetProperty("id").GetGuid(), second.GetProperty("user").GetProperty("id").GetGuid());
        var me = await Json(await WithToken(api, first.GetProperty("token").GetString()!).GetAsync("/v1/auth/whoami"));
        Assert.Equal(("user", user.GetProperty("id").GetGuid().ToString()), (me.GetProperty("kind").GetString(), me.GetProperty("id").GetString()));
        Assert.NotEqual(JsonValueKind.Null, me.GetProperty("session_id").ValueKind);
        Assert.StartsWith("drt_", first.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task SendOtp_AnswersTheSame_WhetherTheAddressHasAnAccountOrNot()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var anonymous = new LedgerClient(api.CreateClient());
        var known = $"known.{Guid.NewGuid():N}@example.org";
        Expect(await world.Admin.PostAsync("/v1/registry/users", new { email = known }), 201);

        var forKnown = await anonymous.PostAsync("/v1/auth/email/send-otp", new { email = known });
        var forUnknown = await anonymous.PostAsync("/v1/auth/email/send-otp", new { email = $"nobody.{Guid.NewGuid():N}@example.org" });

        Assert.Equal(202, (int)forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Equal(forKnown.Content.Headers.ContentType, forUnknown.Content.Headers.ContentType);
        Assert.Equal("{\"sent\":true,\"expiresIn\":600}", await forKnown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BruteForcingACode_EndsItAfterThreeTries()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var anonymous = new LedgerClient(api.CreateClient());
        var email = $"target.{Guid.NewGuid():N}@example.org";
        var code = await SendAsync(world, anonymous, email);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 3; i++) await Problem(await VerifyAsync(anonymous, email, wrong), 401, "login-failed");

        // The right code, after three wrong ones, no longer works; a new code does, once.
        await Problem(await VerifyAsync(anonymous, email, code), 401, "login-failed");
        var fresh = await SendAsync(world, anonymous, email);
        Expect(await VerifyAsync(anonymous, email, fresh), 200);
        await Problem(await VerifyAsync(anonymous, email, fresh), 401, "login-failed");
    }

    [Fact]
    public async Task OnlyTheLatestCodeWorks_AndOnlyForItsAddress()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var anonymous = new LedgerClient(api.CreateClient());
        var email = $"latest.{Guid.NewGuid():N}@example.org";
        var older = await SendAsync(world, anonymous, email);
        var latest = await SendAsync(world, anonymous, email);

        if (older != latest) await Problem(await VerifyAsync(anonymous, email, older), 401, "login-failed");
        await Problem(await VerifyAsync(anonymous, $"other.{Guid.NewGuid():N}@example.org", latest), 401, "login-failed");
        Expect(await VerifyAsync(anonymous, email, latest), 200);
        await Problem(await VerifyAsync(anonymous, email, "12345"), 422, "invalid-request");
    }

    [Fact]
    public async Task AnAddress_GetsFiveCodesAnHour_AndTheSixthRequestIsRateLimited()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var anonymous = new LedgerClient(api.CreateClient());
        var email = $"spam.{Guid.NewGuid():N}@example.org";

        for (var i = 0; i < 5; i++) Expect(await anonymous.PostAsync("/v1/auth/email/send-otp", new { email }), 202);
        var limited = await Problem(await anonymous.PostAsync("/v1/auth/email/send-otp", new { email }), 429, "rate-limited");

        Assert.InRange(limited.GetProperty("retry_after").GetInt32(), 3500, 3600);
        Expect(await anonymous.PostAsync("/v1/auth/email/send-otp", new { email = $"other.{Guid.NewGuid():N}@example.org" }), 202);
        await Problem(await anonymous.PostAsync("/v1/auth/email/send-otp", new { email = "not an address" }), 422, "invalid-request");
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndReplayingAnOldOneEndsTheSession()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var anonymous = new LedgerClient(api.CreateClient());
        var login = await LoginAsync(world, anonymous, $"r.{Guid.NewGuid():N}@example.org");
        var firstRefresh = login.GetProperty("refreshToken").GetString()!;

        var refreshed = await Json(await Expect200(anonymous.PostAsync("/v1/auth/refresh", new { refreshToken = firstRefresh })));
        var newAccess = WithToken(api, refreshed.GetProperty("token").GetString()!);
        Expect(await newAccess.GetAsync("/v1/auth/whoami"), 200);

        await Problem(await anonymous.PostAsync("/v1/auth/refresh", new { refreshToken = firstRefresh }), 401, "login-failed");
        await Problem(await newAccess.GetAsync("/v1/auth/whoami"), 401, "unauthorized");
        await Problem(await anonymous.PostAsync("/v1/auth/refresh", new { refreshToken = refreshed.GetProperty("refreshToken").GetString() }), 401, "login-failed");
        await Problem(await anonymous.PostAsync("/v1/auth/refresh", new { refreshToken = "drt_nonsense" }), 401, "login-failed");
    }

    [Fact]
    public async Task Logout_RevokesTheAccessToken_OnThisHostAndOnAnother()
    {
        var settings = new Dictionary<string, string?> { ["DATABASE_URL"] = await SharedServers.CreateDatabaseAsync(migrate: false), ["NATS_URL"] = await SharedServers.NatsUrlAsync() };
        await using var api = new ApiFactory(settings);
        await using var other = new ApiFactory(settings);
        var world = new AccessWorld(api);
        var login = await LoginAsync(world, new LedgerClient(api.CreateClient()), $"l.{Guid.NewGuid():N}@example.org");
        var token = login.GetProperty("token").GetString()!;
        var here = WithToken(api, token);
        var there = WithToken(other, token);
        Expect(await there.GetAsync("/v1/auth/whoami"), 200);

        Expect(await here.PostAsync("/v1/auth/logout", null), 204);

        await Problem(await here.GetAsync("/v1/auth/whoami"), 401, "unauthorized");
        await Eventually.True(async () => (await there.GetAsync("/v1/auth/whoami")).StatusCode == System.Net.HttpStatusCode.Unauthorized);
        await Problem(await new LedgerClient(api.CreateClient()).PostAsync("/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() }), 401, "login-failed");
        await Problem(await For(api).PostAsync("/v1/auth/logout", null), 422, "invalid-request");
    }

    /// <summary>Asks for a code and reads it from the development mailbox.</summary>
    internal static async Task<string> SendAsync(AccessWorld world, LedgerClient anonymous, string email)
    {
        var before = await MailboxAsync(world, email);
        Expect(await anonymous.PostAsync("/v1/auth/email/send-otp", new { email }), 202);
        string? code = null;
        await Eventually.True(async () =>
        {
            var mails = await MailboxAsync(world, email);
            if (mails.GetArrayLength() == before.GetArrayLength()) return false;
            code = Code().Match(mails[0].GetProperty("body").GetString()!).Value;
            return true;
        });
        return code!;
    }

    internal static async Task<JsonElement> LoginAsync(AccessWorld world, LedgerClient anonymous, string email)
    {
        var code = await SendAsync(world, anonymous, email);
        var response = await VerifyAsync(anonymous, email, code);
        Expect(response, 200);
        return await Json(response);
    }

    private static Task<HttpResponseMessage> VerifyAsync(LedgerClient anonymous, string email, string code) =>
        anonymous.PostAsync("/v1/auth/email/verify-otp", new { email, code });

    private static async Task<JsonElement> MailboxAsync(AccessWorld world, string email) =>
        await Json(await world.Admin.GetAsync($"/v1/dev/mailbox?to={Uri.EscapeDataString(email.ToLowerInvariant())}"));

    private static async Task<HttpResponseMessage> Expect200(Task<HttpResponseMessage> response)
    {
        var done = await response;
        Expect(done, 200);
        return done;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
