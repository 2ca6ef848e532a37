using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Daarion.Oracle.Bench;

/// <summary>
/// Concurrent senders, each owning a share of the sites and posting its batches one after the other (so every site's
/// readings arrive in sequence order). Counts what the answers say; requests started before the window closes count.
/// </summary>
public static class BatchLoad
{
    public static async Task<LoadResult> RunAsync(Uri address, string token, IReadOnlyList<string> sites, BenchOptions options, TimeSpan duration, byte[]? deviceKey)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var latencies = new List<double>[options.Connections];
        var counts = new long[options.Connections, 4];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(sender => Task.Run(async () =>
        {
            var owned = sites.Where((_, i) => i % options.Connections == sender).Take(options.SitesPerSender).ToList();
            var body = Bodies.GetOrAdd(sender, _ => new BatchBody(owned, options.ReadingsPerSite, deviceKey));
            latencies[sender] = [];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var content = new ReadOnlyMemoryContent(body.Next());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("/v1/oracle/readings:batch", content);
                var answer = await response.Content.ReadAsByteArrayAsync();
                latencies[sender].Add((clock.Elapsed - started).TotalMilliseconds);
                counts[sender, 0]++;
                if (!response.IsSuccessStatusCode)
                {
                    counts[sender, 3]++;
                    continue;
                }
                var accepted = Count(answer, "accepted");
                counts[sender, 1] += accepted;
                counts[sender, 2] += body.Readings - accepted;
            }
        })));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        long Sum(int column) => Enumerable.Range(0, options.Connections).Sum(s => counts[s, column]);
        return new LoadResult(Sum(0), Sum(1), Sum(2), Sum(3), elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    // The senders keep their bodies (and so their sequence numbers) from the warm-up into the measured run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, BatchBody> Bodies = new();

    // "accepted" is a top-level count near the start of the answer; the per-reading results after it are not read.
    private static long Count(byte[] answer, string property)
    {
        var reader = new Utf8JsonReader(answer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
            {
                reader.Read();
                return reader.GetInt64();
            }
        }
        throw new InvalidOperationException($"The answer has no \"{property}\".");
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
