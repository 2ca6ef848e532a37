using System.Text.Json;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>A host with a platform admin, and helpers to register users, teams and keys through the API itself.</summary>
internal sealed class AccessWorld(ApiFactory api)
{
    public const string AdminScope = "platform:admin";

    public ApiFactory Api { get; } = api;

    public LedgerClient Admin { get; } = For(api, AdminScope, "operator");

    public static async Task<AccessWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var api = settings is null ? await ApiFactory.WithSharedServersAsync() : await ApiFactory.WithSharedServersAsync(settings);
        return new AccessWorld(api);
    }

    /// <summary>A registered user and a client with a token for it (sub = its user id, no scopes).</summary>
    public async Task<(Guid Id, LedgerClient Client)> UserAsync()
    {
        var response = await Admin.PostAsync("/v1/registry/users", new { email = $"u{Guid.NewGuid():N}@example.org" });
        Expect(response, 201);
        var id = (await Json(response)).GetProperty("user_id").GetGuid();
        return (id, For(Api, "", id.ToString()));
    }

    /// <summary>A team owned by <paramref name="owner"/>.</summary>
    public async Task<Guid> TeamAsync(LedgerClient owner, string plan = "free")
    {
        var response = await owner.PostAsync("/v1/teams", new { name = "team " + Guid.NewGuid().ToString("N")[..6], plan });
        Expect(response, 201);
        return (await Json(response)).GetProperty("team_id").GetGuid();
    }

    public async Task AddMemberAsync(Guid team, Guid user, string role, string? viewerType = null, LedgerClient? by = null) =>
        Expect(await (by ?? Admin).PutAsync($"/v1/teams/{team}/members/{user}", new { role, viewer_type = viewerType }), 200);

    /// <summary>What the PDP would decide (via /v1/pdp/explain).</summary>
    public async Task<JsonElement> ExplainAsync(object subject, string action, Guid? team = null)
    {
        var response = await Admin.PostAsync("/v1/pdp/explain", new { subject, action, resource = new { type = "test", team_id = team } });
        Expect(response, 200);
        return (await Json(response)).GetProperty("decision");
    }

    public async Task<bool> AllowedAsync(object subject, string action, Guid? team = null) =>
        (await ExplainAsync(subject, action, team)).GetProperty("allowed").GetBoolean();
}
