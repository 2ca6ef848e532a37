using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Daarion.ApiHost.Tests;

/// <summary>An HTTP client of the API with a bearer credential, sending JSON bodies (POSTs with an Idempotency-Key, as the ledger wants).</summary>
internal sealed class LedgerClient(HttpClient http)
{
    private int _keys;

    public HttpClient Http { get; } = http;

    public static LedgerClient For(WebApplicationFactory<Program> factory, string scope = Tokens.All, string subject = "tester") =>
        WithToken(factory, Tokens.Mint(scope, subject));

    /// <summary>A client presenting <paramref name="token"/> (a JWT or a key) as its bearer credential.</summary>
    public static LedgerClient WithToken(WebApplicationFactory<Program> factory, string token)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new LedgerClient(http);
    }

    public Task<HttpResponseMessage> PutAsync(string path, object body) =>
        Http.PutAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> DeleteAsync(string path) => Http.DeleteAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? key = null) =>
        PostRawAsync(path, body is null ? null : JsonSerializer.Serialize(body), key);

    public async Task<HttpResponseMessage> PostRawAsync(string path, string? json, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Add("Idempotency-Key", key ?? $"k{Interlocked.Increment(ref _keys)}-{Guid.NewGuid():N}");
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>Creates a wallet and funds it by an adjustment; returns its id.</summary>
    public async Task<string> WalletAsync(string asset = "KWT", string? balance = null)
    {
        var id = Guid.NewGuid().ToString();
        Expect(await PostAsync("/v1/wallets", new { wallet_id = id, asset, owner_id = "owner-" + id }), 201);
        if (balance is not null) Expect(await PostAsync("/v1/adjustments", new { wallet_id = id, amount = balance, reason = "opening" }), 201);
        return id;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static void Expect(HttpResponseMessage response, int status) =>
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");

    public static async Task<JsonElement> Problem(HttpResponseMessage response, int status, string type)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("https://daarion.city/problems/" + type, problem.GetProperty("type").GetString());
        return problem;
    }

    public Task<T?> GetJsonAsync<T>(string path) => Http.GetFromJsonAsync<T>(path);
}
