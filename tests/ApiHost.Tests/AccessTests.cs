using System.Net.Http.Headers;
using Daarion.ApiHost.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class AccessTests
{
    [Fact]
    public async Task EveryRoute_IsMappedToACatalogAction()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        api.CreateClient();

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/v1/transfers");
        Assert.All(endpoints, e =>
        {
            var action = e.Metadata.GetMetadata<EndpointAction>();
            Assert.True(action is not null, $"{e.DisplayName} has no action");
            Assert.True(ActionCatalog.All.Contains(action.Name), $"{e.DisplayName}: {action.Name} is not in the catalog");
        });
    }

    [Fact]
    public async Task WithoutAToken_Returns401Problem()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        var response = await api.CreateClient().GetAsync("/v1/assets");

        await Problem(response, 401, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "wrong secret", Tokens.Mint(Tokens.All, secret: "another-secret-of-at-least-thirty-two-bytes") },
        { "expired", Tokens.Mint(Tokens.All, expires: DateTime.UtcNow.AddMinutes(-5), notBefore: DateTime.UtcNow.AddMinutes(-10)) },
        { "not yet valid", Tokens.Mint(Tokens.All, notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(20)) },
        { "other audience", Tokens.Mint(Tokens.All, audience: "someone-else") },
        { "HS512", Tokens.Mint(Tokens.All, secret: ApiFactory.Secret + ApiFactory.Secret, algorithm: Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha512) },
        { "alg none", Unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}") },
        { "not a JWT", "definitely-not-a-token" },
        { "tampered payload", Tampered() },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task InvalidToken_Returns401Problem_SayingWhy(string why, string token)
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await http.GetAsync("/v1/assets");

        var problem = await Problem(response, 401, "unauthorized");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), why);
    }

    [Fact]
    public async Task TokenWithoutTheScope_Returns403_WithTheReason()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var reader = For(api, "wallet:read");

        var response = await reader.PostAsync("/v1/transfers", new { from_wallet_id = Guid.NewGuid(), to_wallet_id = Guid.NewGuid(), amount = "1" });

        var problem = await Problem(response, 403, "forbidden");
        Assert.Contains("wallet:write", problem.GetProperty("detail").GetString());
        Expect(await reader.GetAsync("/v1/assets"), 200);
    }

    [Fact]
    public async Task AdminOnlyActions_NeedWalletAdmin()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var writer = For(api, "wallet:read wallet:write");
        var wallet = await For(api).WalletAsync();

        await Problem(await writer.PostAsync("/v1/adjustments", new { wallet_id = wallet, amount = "5", reason = "x" }), 403, "forbidden");
        await Problem(await writer.PostAsync("/v1/assets", new { code = "SUN", scale = 2 }), 403, "forbidden");
    }

    [Fact]
    public async Task TheWalletSeedsQuickExampleToken_Works()
    {
        // The seed mints {sub, aud: agentic-commerce, scope, exp} with HS256 and JWT_SECRET; no nbf, no iat.
        await using var api = await ApiFactory.WithSharedServersAsync();
        var http = api.CreateClient();
        var token = Sign($"{{\"sub\":\"demo\",\"aud\":\"agentic-commerce\",\"scope\":\"{Tokens.All}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Expect(await http.GetAsync("/v1/assets"), 200);
    }

    private static string Unsigned(string header) =>
        $"{B64(header)}.{B64($"{{\"sub\":\"x\",\"aud\":\"agentic-commerce\",\"scope\":\"{Tokens.All}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}")}.";

    private static string Tampered()
    {
        var parts = Tokens.Mint("wallet:read").Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("wallet:read", "wallet:admin", StringComparison.Ordinal);
        return $"{parts[0]}.{B64(payload)}.{parts[2]}";
    }

    private static string Sign(string payload)
    {
        var input = $"{B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")}.{B64(payload)}";
        var signature = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiFactory.Secret), System.Text.Encoding.ASCII.GetBytes(input));
        return $"{input}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
    }

    private static string B64(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));
}
