using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Daarion.Oracle.Bench;

/// <summary>Registers the benchmark's fleet through the API: interval meters in kWh, requiring signatures by <paramref name="deviceKey"/> when given.</summary>
public static class SiteSeeder
{
    public static async Task<IReadOnlyList<string>> SeedAsync(Uri address, string token, int count, byte[]? deviceKey)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sites = Enumerable.Range(1, count).Select(i => $"bench-{i:D6}").ToArray();
        object[] keys = deviceKey is null ? [] : [new { key_id = BatchBody.KeyId, type = "hmac-sha256", key = Convert.ToBase64String(deviceKey) }];
        var meter = new { kind = "interval", unit = "kWh", require_signature = deviceKey is not null, device_keys = keys };
        await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (site, ct) =>
        {
            // A 503 (the shared machine starved the database) is retried with the same key, which is safe.
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sites")
                {
                    Content = JsonContent.Create(new { site_id = site, dao_id = "bench-dao", domain = "energy", meter }),
                };
                request.Headers.Add("Idempotency-Key", "seed-" + site);
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode) return;
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
                {
                    throw new InvalidOperationException($"/v1/sites answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            }
        });
        return sites;
    }
}
