using Daarion.ApiHost.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class RegistryTests
{
    [Fact]
    public async Task EveryActionOfTheCatalog_IsARegisteredCapability()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        var registry = await Json(await world.Admin.GetAsync("/v1/registry"));

        var registered = registry.GetProperty("capabilities").EnumerateArray().Select(c => c.GetProperty("capability").GetString()).ToHashSet();
        Assert.DoesNotContain(ActionCatalog.All, a => !registered.Contains(a));
        var routeActions = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<EndpointAction>()?.Name).OfType<string>();
        Assert.DoesNotContain(routeActions, a => !registered.Contains(a));
    }

    [Fact]
    public async Task Registry_IsReadableByPlatformAdmins_Only()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        var registry = await Json(await world.Admin.GetAsync("/v1/registry"));

        Assert.Contains(registry.GetProperty("scope_bundles").EnumerateArray(), s => s.GetProperty("scope").GetString() == "wallet:write" && s.GetProperty("bundle").GetString() == "wallet.writer");
        Assert.Equal(["owner", "guardian", "member", "visitor"], registry.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        await Problem(await For(api).GetAsync("/v1/registry"), 403, "forbidden");
    }

    [Fact]
    public async Task ChangingABundle_IsEffectiveOnTheNextRequest_AndBumpsThePolicyVersion()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var reader = For(api, "wallet:read");
        Expect(await reader.GetAsync("/v1/assets"), 200);
        var before = (await world.ExplainAsync(new { kind = "user", id = "tester", scopes = "wallet:read" }, "wallet.asset.read")).GetProperty("policy_version").GetInt64();

        Expect(await world.Admin.PutAsync("/v1/registry/bundles/wallet.reader", new { description = "no assets", capabilities = new[] { new { capability = "wallet.read" } } }), 200);

        var denied = await Problem(await reader.GetAsync("/v1/assets"), 403, "forbidden");
        Assert.True(denied.GetProperty("policy_version").GetInt64() > before);
        Expect(await world.Admin.PutAsync("/v1/registry/bundles/wallet.reader", new { capabilities = new[] { new { capability = "wallet.read" }, new { capability = "wallet.asset.read" } } }), 200);
        Expect(await reader.GetAsync("/v1/assets"), 200);
    }

    [Fact]
    public async Task ABundleWithAnUnknownCapability_IsRefusedWith422_AndNothingChanges()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        var response = await world.Admin.PutAsync("/v1/registry/bundles/wallet.reader", new { capabilities = new[] { new { capability = "wallet.read" }, new { capability = "no.such_thing" } } });

        var problem = await Problem(response, 422, "unknown-reference");
        Assert.Contains("no.such_thing", problem.GetProperty("detail").GetString());
        Expect(await For(api, "wallet:read").GetAsync("/v1/assets"), 200);
    }

    [Fact]
    public async Task ADenyGrant_OverridesTheScopesAllow_UntilItIsDeleted()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var client = For(api, Tokens.All, "suspended");
        Expect(await client.GetAsync("/v1/assets"), 200);

        var grant = await world.Admin.PostAsync("/v1/registry/grants", new { subject_kind = "user", subject_id = "suspended", capability = "wallet.asset.read", effect = "deny", note = "suspended" });
        Expect(grant, 201);

        var problem = await Problem(await client.GetAsync("/v1/assets"), 403, "forbidden");
        Assert.Contains("is denied to user:suspended by grant", problem.GetProperty("detail").GetString());
        Assert.Contains("(suspended)", problem.GetProperty("detail").GetString());
        Expect(await world.Admin.DeleteAsync($"/v1/registry/grants/{(await Json(grant)).GetProperty("grant_id").GetGuid()}"), 200);
        Expect(await client.GetAsync("/v1/assets"), 200);
    }

    [Fact]
    public async Task InternalCapabilities_AreForServicesOnly()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        await Problem(await world.Admin.PostAsync("/v1/registry/grants", new { subject_kind = "user", subject_id = "someone", capability = "service.mint.payout", effect = "allow" }), 422, "invalid-request");
        // Even through a bundle, a user never holds an internal capability.
        Expect(await world.Admin.PutAsync("/v1/registry/bundles/wallet.reader", new { capabilities = new[] { new { capability = "wallet.read" }, new { capability = "service.mint.payout" } } }), 200);
        var decision = await world.ExplainAsync(new { kind = "user", id = "x", scopes = "wallet:read" }, "service.mint.payout");

        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Contains("internal", decision.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task PlansAndRoles_AreReplacedWhole_AndValidated()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);

        Expect(await world.Admin.PutAsync("/v1/registry/plans/enterprise", new { description = "big", entitlements = new[] { new { role = "member", bundle = "plan.premium" } } }), 200);
        await Problem(await world.Admin.PutAsync("/v1/registry/plans/broken", new { entitlements = new[] { new { role = "king", bundle = "plan.premium" } } }), 422, "unknown-reference");
        await Problem(await world.Admin.PutAsync("/v1/registry/roles/king/bundles", new { bundles = Array.Empty<object>() }), 404, "not-found");
        await Problem(await world.Admin.PutAsync("/v1/registry/plans/Bad%20Name", new { }), 422, "invalid-request");

        var plans = (await Json(await world.Admin.GetAsync("/v1/registry"))).GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("plan").GetString()).ToList();
        Assert.Contains("enterprise", plans);
        Assert.DoesNotContain("broken", plans);
    }

    [Fact]
    public async Task AChangeMadeOutsideTheHost_ReachesIt_ThroughTheDatabasesNotification()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var database = api.Services.GetRequiredService<NpgsqlDataSource>();
        var reader = For(api, "wallet:read");
        Expect(await reader.GetAsync("/v1/assets"), 200);

        // A change made outside this host (here: by hand) reaches it through the database's notification.
        await using (var command = database.CreateCommand("DELETE FROM scope_bundles WHERE scope = 'wallet:read'")) await command.ExecuteNonQueryAsync();

        await Testing.Eventually.True(async () => (await reader.GetAsync("/v1/assets")).StatusCode == System.Net.HttpStatusCode.Forbidden);
    }
}
