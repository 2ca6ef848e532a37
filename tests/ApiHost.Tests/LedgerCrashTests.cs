using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Daarion.Testing;
using Npgsql;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// kill -9 of the host process under transfer load, then a restart on the same database: every transfer that was
/// answered 2xx is in the journal exactly once, every refused one is not, every cut request resolves to one outcome
/// when retried with its key, and the ledger's invariants hold.
/// </summary>
public sealed class LedgerCrashTests
{
    private const string Subject = "crash-tester";
    private const int Wallets = 20;
    private const int Callers = 32;

    // Unknown first: an attempt counts as unknown until an answer says otherwise.
    private enum Outcome { Unknown, Applied, Refused }

    private sealed record Attempt(string Key, string Body)
    {
        public Outcome Outcome { get; set; }
        public string? TransactionId { get; set; }
    }

    [Fact]
    public async Task KillDuringTransferLoad_ThenRestart_EveryAnsweredTransferExistsOnce_AndInvariantsHold()
    {
        var database = await SharedServers.CreateDatabaseAsync(migrate: false);
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = database,
            ["NATS_URL"] = await SharedServers.NatsUrlAsync(),
            ["JWT_SECRET"] = ApiFactory.Secret,
            ["SECRETS_KEY"] = ApiFactory.SecretsKey,
        };
        var token = Tokens.Mint(Tokens.All, Subject);
        var attempts = new ConcurrentBag<Attempt>();
        string[] wallets;

        await using (var host = await ApiHostProcess.StartAsync(RepositoryRoot.Path, environment))
        {
            using var http = Client(host, token);
            wallets = await SeedAsync(http);

            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Callers).Select(c => Task.Run(() => TransferLoopAsync(http, wallets, c, attempts, stop.Token))).ToArray();
            // Kill once transfers are flowing, with requests in flight on every connection.
            await Eventually.True(() => attempts.Count(a => a.Outcome == Outcome.Applied) >= 300, 60_000, "transfers under load");
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.Contains(attempts, a => a.Outcome == Outcome.Unknown);
        await using (var host = await ApiHostProcess.StartAsync(RepositoryRoot.Path, environment))
        {
            using var http = Client(host, token);
            foreach (var attempt in attempts.Where(a => a.Outcome == Outcome.Unknown))
            {
                // The client's side of recovery: the same key and body again. It must not end unknown twice.
                await SendAsync(http, attempt, CancellationToken.None);
                Assert.NotEqual(Outcome.Unknown, attempt.Outcome);
            }
        }

        var journal = await JournalByKeyAsync(database);
        foreach (var attempt in attempts)
        {
            var written = journal.GetValueOrDefault(attempt.Key) ?? [];
            if (attempt.Outcome == Outcome.Applied) Assert.Equal([attempt.TransactionId!], written);
            else Assert.Empty(written);
        }
        Assert.Equal(attempts.Count(a => a.Outcome == Outcome.Applied), journal.Values.Sum(ids => ids.Count));
        await AssertInvariantsAsync(database);
    }

    private static HttpClient Client(ApiHostProcess host, string token)
    {
        var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<string[]> SeedAsync(HttpClient http)
    {
        var wallets = new string[Wallets];
        for (var i = 0; i < Wallets; i++)
        {
            wallets[i] = Guid.NewGuid().ToString();
            await PostAsync(http, "/v1/wallets", JsonSerializer.Serialize(new { wallet_id = wallets[i], asset = "KWT", owner_id = $"crash-owner-{i}" }), $"seed-w{i}", HttpStatusCode.Created);
            await PostAsync(http, "/v1/adjustments", JsonSerializer.Serialize(new { wallet_id = wallets[i], amount = "500", reason = "opening" }), $"seed-a{i}", HttpStatusCode.Created);
        }
        return wallets;
    }

    private static async Task PostAsync(HttpClient http, string path, string body, string key, HttpStatusCode expected)
    {
        using var response = await http.SendAsync(Request(path, body, key));
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task TransferLoopAsync(HttpClient http, string[] wallets, int caller, ConcurrentBag<Attempt> attempts, CancellationToken stop)
    {
        var random = new Random(caller);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var from = random.Next(Wallets);
            var to = (from + 1 + random.Next(Wallets - 1)) % Wallets;
            // Amounts large enough that some transfers are refused for insufficient funds.
            var body = JsonSerializer.Serialize(new { from_wallet_id = wallets[from], to_wallet_id = wallets[to], amount = $"{random.Next(1, 120)}.{random.Next(100):D2}" });
            var attempt = new Attempt($"crash-{caller}-{n}", body);
            attempts.Add(attempt);
            await SendAsync(http, attempt, CancellationToken.None);
            if (attempt.Outcome == Outcome.Unknown) return; // the host is gone
        }
    }

    private static async Task SendAsync(HttpClient http, Attempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(Request("/v1/transfers", attempt.Body, attempt.Key), cancellationToken);
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            (attempt.Outcome, attempt.TransactionId) = response.StatusCode switch
            {
                HttpStatusCode.Created => (Outcome.Applied, JsonDocument.Parse(json).RootElement.GetProperty("transaction_id").GetString()),
                // 503 says the outcome is not known (or that nothing was written): only a retry tells.
                HttpStatusCode.ServiceUnavailable => (Outcome.Unknown, null),
                HttpStatusCode.UnprocessableEntity => (Outcome.Refused, null),
                _ => throw new InvalidOperationException($"unexpected answer {(int)response.StatusCode}: {json}"),
            };
        }
        catch (HttpRequestException)
        {
            attempt.Outcome = Outcome.Unknown;
        }
    }

    private static HttpRequestMessage Request(string path, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<Dictionary<string, List<string>>> JournalByKeyAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT idempotency_key, transaction_id::text FROM journal_transactions WHERE idempotency_scope = $1 AND idempotency_key LIKE 'crash-%'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Subject });
        await using var reader = await command.ExecuteReaderAsync();
        var journal = new Dictionary<string, List<string>>();
        while (await reader.ReadAsync())
        {
            if (!journal.TryGetValue(reader.GetString(0), out var ids)) journal[reader.GetString(0)] = ids = [];
            ids.Add(reader.GetString(1));
        }
        return journal;
    }

    private static async Task AssertInvariantsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT sum(balance) FROM wallets WHERE asset = 'KWT'),
                   (SELECT count(*) FROM wallets w
                    WHERE w.balance <> coalesce((SELECT sum(amount) FROM journal_entries e WHERE e.wallet_id = w.wallet_id), 0)
                       OR w.held <> coalesce((SELECT sum(amount) FROM holds h WHERE h.from_wallet_id = w.wallet_id AND h.status = 'pending'), 0)
                       OR (NOT w.is_system AND w.balance - w.held < -w.overdraft_limit)),
                   (SELECT count(*) FROM journal_transactions t WHERE (SELECT count(*) FROM journal_entries e WHERE e.transaction_id = t.transaction_id) < 2)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0m, reader.GetDecimal(0));
        Assert.Equal(0L, reader.GetInt64(1));
        Assert.Equal(0L, reader.GetInt64(2));
    }
}
