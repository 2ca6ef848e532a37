using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Daarion.Ledger.Bench;

/// <summary>Creates the benchmark's wallets through the API and funds each by an adjustment.</summary>
public static class WalletSeeder
{
    public const decimal OpeningBalance = 1_000_000m;

    public static async Task<IReadOnlyList<Guid>> SeedAsync(Uri address, string token, int count)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var wallets = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(wallets, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (wallet, ct) =>
        {
            await PostAsync(http, "/v1/wallets", new { wallet_id = wallet, asset = "KWT", owner_id = $"bench-{wallet:N}" }, ct);
            await PostAsync(http, "/v1/adjustments", new { wallet_id = wallet, amount = OpeningBalance.ToString(System.Globalization.CultureInfo.InvariantCulture), reason = "benchmark opening balance" }, ct);
        });
        return wallets;
    }

    private static async Task PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
