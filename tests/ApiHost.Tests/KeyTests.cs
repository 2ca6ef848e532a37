using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class KeyTests
{
    private static readonly Dictionary<string, string?> FastUsage = new() { ["Access:KeyUsageFlushInterval"] = "00:00:00.100" };

    [Fact]
    public async Task AnAccessKey_IsShownOnce_StoredHashed_AndWorksForItsCapabilitiesOnly()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(FastUsage);
        var world = new AccessWorld(api);
        var (userId, user) = await world.UserAsync();
        await GrantAsync(world, userId, "wallet.reader");

        var created = await Json(await user.PostAsync("/v1/access-keys", new { name = "ci", capabilities = new[] { "wallet.asset.read" } }));
        var token = created.GetProperty("token").GetString()!;
        var key = WithToken(api, token);

        Assert.StartsWith("dak_", token);
        Assert.Equal(token[..16], created.GetProperty("key").GetProperty("prefix").GetString());
        Expect(await key.GetAsync("/v1/assets"), 200);
        var denied = await Problem(await key.GetAsync($"/v1/wallets/{Guid.NewGuid()}/balance"), 403, "forbidden");
        Assert.Contains("access_key:", denied.GetProperty("detail").GetString());
        var listed = await user.GetAsync("/v1/access-keys");
        Assert.DoesNotContain(token[17..], await listed.Content.ReadAsStringAsync());
        var stored = await RowAsync(api, "SELECT secret_hash FROM api_keys WHERE prefix = $1", token[4..16]);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(token[17..])), (byte[])stored!);
        await Testing.Eventually.True(async () => await RowAsync(api, "SELECT last_used_at FROM api_keys WHERE prefix = $1", token[4..16]) is DateTime);
    }

    [Fact]
    public async Task AnAccessKey_NeverExceedsItsOwner()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (userId, user) = await world.UserAsync();
        var token = await KeyAsync(user, "wallet.asset.read");

        // The key holds the capability, its owner does not (yet): denied, saying so.
        var denied = await Problem(await WithToken(api, token).GetAsync("/v1/assets"), 403, "forbidden");
        Assert.Contains("only if its owner may", denied.GetProperty("detail").GetString());
        await GrantAsync(world, userId, "wallet.reader");
        Expect(await WithToken(api, token).GetAsync("/v1/assets"), 200);
    }

    [Fact]
    public async Task ARevokedKey_Fails401_OnTheNextRequest()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (userId, user) = await world.UserAsync();
        await GrantAsync(world, userId, "wallet.reader");
        var created = await Json(await user.PostAsync("/v1/access-keys", new { name = "ci", capabilities = new[] { "wallet.asset.read" } }));
        var key = WithToken(api, created.GetProperty("token").GetString()!);
        Expect(await key.GetAsync("/v1/assets"), 200);

        var revoked = await user.DeleteAsync($"/v1/access-keys/{created.GetProperty("key").GetProperty("key_id").GetGuid()}");

        Expect(revoked, 200);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await Json(revoked)).GetProperty("revoked_at").ValueKind);
        var problem = await Problem(await key.GetAsync("/v1/assets"), 401, "unauthorized");
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKeyForTeamA_DoesNotReachTeamB_ThoughItsOwnerDoes()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, owner) = await world.UserAsync();
        var teamA = await world.TeamAsync(owner);
        var teamB = await world.TeamAsync(owner);
        var created = await Json(await owner.PostAsync("/v1/access-keys", new { name = "team a", team_id = teamA, capabilities = new[] { "team.read" } }));
        var key = WithToken(api, created.GetProperty("token").GetString()!);

        Expect(await key.GetAsync($"/v1/teams/{teamA}"), 200);
        await Problem(await key.GetAsync($"/v1/teams/{teamB}"), 403, "forbidden");
        Expect(await owner.GetAsync($"/v1/teams/{teamB}"), 200);
    }

    [Fact]
    public async Task MalformedExpiredAndForeignKeys_Fail401()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, user) = await world.UserAsync();
        var token = await KeyAsync(user, "wallet.asset.read");
        var forged = token[..17] + new string('A', token.Length - 17);

        await Problem(await WithToken(api, forged).GetAsync("/v1/assets"), 401, "unauthorized");
        await Problem(await WithToken(api, "dak_tooShort_x").GetAsync("/v1/assets"), 401, "unauthorized");
        await Problem(await user.PostAsync("/v1/access-keys", new { name = "old", expires_at = "2020-01-01T00:00:00Z" }), 422, "invalid-request");
        await Problem(await user.PostAsync("/v1/access-keys", new { name = "mint", capabilities = new[] { "service.mint.payout" } }), 422, "invalid-request");
        await Problem(await WithToken(api, token).PostAsync("/v1/access-keys", new { name = "child" }), 403, "forbidden");
    }

    [Fact]
    public async Task AnEmbassyKey_ActsAsItsEmbassy_WithItsCapabilities_UntilDisabled()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        Expect(await world.Admin.PutAsync("/v1/registry/embassies/energy_union", new { name = "Energy Union", capabilities = new[] { "embassy.energy.update" } }), 200);
        await Problem(await world.Admin.PutAsync("/v1/registry/embassies/rogue", new { name = "Rogue", capabilities = new[] { "service.mint.payout" } }), 422, "invalid-request");
        var created = await Json(await world.Admin.PostAsync("/v1/registry/embassies/energy_union/keys", new { name = "webhooks" }));
        var embassy = WithToken(api, created.GetProperty("token").GetString()!);

        var me = await Json(await embassy.GetAsync("/v1/auth/whoami"));
        Assert.Equal(("embassy", "energy_union"), (me.GetProperty("kind").GetString(), me.GetProperty("id").GetString()));
        Assert.True(await world.AllowedAsync(new { kind = "embassy", id = "energy_union" }, "embassy.energy.update"));
        Assert.False(await world.AllowedAsync(new { kind = "embassy", id = "energy_union" }, "embassy.oracle.update"));
        await Problem(await embassy.GetAsync("/v1/assets"), 403, "forbidden");

        Expect(await world.Admin.PutAsync("/v1/registry/embassies/energy_union", new { name = "Energy Union", capabilities = new[] { "embassy.energy.update" }, disabled = true }), 200);
        var problem = await Problem(await embassy.GetAsync("/v1/auth/whoami"), 401, "unauthorized");
        Assert.Contains("disabled", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AServiceKey_HoldsInternalCapabilities_WhichNoUserCanHold()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var service = await ServiceAsync(world, "auditor", "service.read.internal_logs");

        Expect(await service.GetAsync("/internal/v1/pdp/decisions?limit=5"), 200);
        var admin = await Problem(await world.Admin.GetAsync("/internal/v1/pdp/decisions"), 403, "forbidden");
        Assert.Contains("internal", admin.GetProperty("detail").GetString());
        await Problem(await service.GetAsync("/v1/pdp/decisions"), 403, "forbidden");
    }

    [Fact]
    public async Task ARelayingService_IsNotTheSubject_TheOriginalCallerIs()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var gateway = await ServiceAsync(world, "gateway", "service.act_on_behalf");
        Expect(await world.Admin.PostAsync("/v1/registry/grants", new { subject_kind = "service", subject_id = "gateway", bundle = "wallet.reader", effect = "allow" }), 201);
        Expect(await gateway.GetAsync("/v1/assets"), 200);

        // A caller without wallet rights, relayed by a service that has them: the caller decides.
        var relayed = await SendAsync(gateway, "/v1/assets", Tokens.Mint("", "alice"));
        var problem = await Problem(relayed, 403, "forbidden");
        Assert.Contains("user:alice", problem.GetProperty("detail").GetString());
        var me = await Json(await SendAsync(gateway, "/v1/auth/whoami", Tokens.Mint("wallet:read", "alice")));
        Assert.Equal(("user", "alice", "service:gateway"), (me.GetProperty("kind").GetString(), me.GetProperty("id").GetString(), me.GetProperty("via").GetString()));
        Expect(await SendAsync(gateway, "/v1/assets", Tokens.Mint("wallet:read", "alice")), 200);
        await Problem(await SendAsync(gateway, "/v1/assets", "not-a-token"), 401, "unauthorized");
    }

    [Fact]
    public async Task OnlyAServiceAllowedToRelay_MayRelay()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var plain = await ServiceAsync(world, "plain", "service.read.internal_logs");

        await Problem(await SendAsync(plain, "/v1/auth/whoami", Tokens.Mint(Tokens.All, "alice")), 403, "forbidden");
        await Problem(await SendAsync(For(api), "/v1/auth/whoami", Tokens.Mint(Tokens.All, "alice")), 403, "forbidden");
    }

    private static async Task<LedgerClient> ServiceAsync(AccessWorld world, string id, string capability)
    {
        Expect(await world.Admin.PutAsync($"/v1/registry/services/{id}", new { name = id, capabilities = new[] { capability } }), 200);
        var created = await Json(await world.Admin.PostAsync($"/v1/registry/services/{id}/keys", new { name = "main" }));
        return WithToken(world.Api, created.GetProperty("token").GetString()!);
    }

    private static Task<HttpResponseMessage> SendAsync(LedgerClient client, string path, string onBehalfOf)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Daarion-On-Behalf-Of", onBehalfOf);
        return client.Http.SendAsync(request);
    }

    private static async Task GrantAsync(AccessWorld world, Guid user, string bundle) =>
        Expect(await world.Admin.PostAsync("/v1/registry/grants", new { subject_kind = "user", subject_id = user.ToString(), bundle, effect = "allow" }), 201);

    private static async Task<string> KeyAsync(LedgerClient user, params string[] capabilities)
    {
        var response = await user.PostAsync("/v1/access-keys", new { name = "key", capabilities });
        Expect(response, 201);
        return (await Json(response)).GetProperty("token").GetString()!;
    }

    private static async Task<object?> RowAsync(ApiFactory api, string sql, object parameter)
    {
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync();
    }
}
