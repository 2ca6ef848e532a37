using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Daarion.Crypto.Webhooks;
using Daarion.Testing;
using Npgsql;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests.Energy;

/// <summary>
/// The host on a fresh database with an operator client (energy scopes), helpers to register sites and platforms,
/// send batches and signed webhooks, and read what the database holds.
/// </summary>
internal sealed class EnergyHost : IAsyncDisposable
{
    public const string Scopes = "energy:read energy:write energy:admin";

    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2);

    private int _webhooks;

    private EnergyHost(ApiFactory api, string database)
    {
        Api = api;
        Database = database;
        Client = For(api, Scopes, "operator");
    }

    public ApiFactory Api { get; }

    public string Database { get; }

    public LedgerClient Client { get; }

    /// <summary>A host on <paramref name="database"/> (a fresh one unless given), with further <paramref name="settings"/>.</summary>
    public static async Task<EnergyHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? database = null)
    {
        database ??= await SharedServers.CreateDatabaseAsync(migrate: false);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["DATABASE_URL"] = database };
        return new EnergyHost(await ApiFactory.WithSharedServersAsync(all), database);
    }

    /// <summary>Registers an energy site with a meter; returns its id.</summary>
    public async Task<string> SiteAsync(string kind = "cumulative", string unit = "kWh", bool requireSignature = false, object[]? keys = null, string? siteId = null, string dao = "dao-1")
    {
        siteId ??= "site-" + Guid.NewGuid().ToString("N")[..12];
        var response = await Client.PostAsync("/v1/sites", new
        {
            site_id = siteId,
            dao_id = dao,
            domain = "energy",
            meter = new { kind, unit, require_signature = requireSignature, device_keys = keys ?? [] },
        });
        Expect(response, 201);
        return siteId;
    }

    /// <summary>Posts readings as a batch and returns the answer (200 expected).</summary>
    public async Task<JsonElement> BatchAsync(params object[] readings)
    {
        var response = await Client.PostAsync("/v1/oracle/readings:batch", new { readings });
        Expect(response, 200);
        return await Json(response);
    }

    /// <summary>The statuses of a batch answer's results, in order.</summary>
    public static string[] Statuses(JsonElement batch) =>
        [.. batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!)];

    /// <summary>Registers a platform with a fresh secret; returns the secret.</summary>
    public async Task<WebhookSecret> PlatformAsync(string platform, WebhookSecret? secret = null)
    {
        secret ??= WebhookSecret.Generate();
        Expect(await Client.PostAsync("/v1/embassy/platforms", new { platform, secret = secret.Reveal() }), 201);
        return secret;
    }

    /// <summary>A webhook signed by <paramref name="signer"/> as a sender would: the exact bytes of <paramref name="json"/>.</summary>
    public async Task<HttpResponseMessage> WebhookAsync(string path, StandardWebhook signer, string json, string? id = null, DateTimeOffset? at = null, string? platform = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        id ??= $"msg_{Interlocked.Increment(ref _webhooks)}_{Guid.NewGuid():N}";
        var timestamp = at ?? DateTimeOffset.UtcNow;
        return await SendWebhookAsync(path, body, id, timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signer.Sign(id, timestamp, body), platform);
    }

    public async Task<HttpResponseMessage> SendWebhookAsync(string path, byte[] body, string id, string timestamp, string signature, string? platform = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(StandardWebhookHeaders.Id, id);
        request.Headers.Add(StandardWebhookHeaders.Timestamp, timestamp);
        request.Headers.Add(StandardWebhookHeaders.Signature, signature);
        if (platform is not null) request.Headers.Add("Embassy-Platform", platform);
        // Webhooks carry no bearer token: the signature is the credential.
        using var http = Api.CreateClient();
        return await http.SendAsync(request);
    }

    /// <summary>Payable kWh of the site so far: the sum of its site_energy rows.</summary>
    public Task<decimal> EnergyAsync(string siteId) => ScalarAsync<decimal>("SELECT coalesce(sum(kwh), 0) FROM site_energy WHERE site_id = $1", siteId);

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The outbox events of a site (type and payload JSON), in commit order.</summary>
    public async Task<List<(string Type, JsonElement Payload)>> EventsAsync(string siteId)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT subject, envelope::text FROM outbox_event_log WHERE ordering_key = $1 ORDER BY id, position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = siteId });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, JsonElement)>();
        while (await reader.ReadAsync()) events.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.GetProperty("payload").Clone()));
        return events;
    }

    /// <summary>A reading timestamp (RFC 3339) <paramref name="minutes"/> after a fixed start two days ago.</summary>
    public static string At(int minutes) => Start.AddMinutes(minutes).ToString("O");

    /// <summary>An HMAC-SHA256 device key as the API takes it.</summary>
    public static object HmacKey(string keyId, byte[] secret) => new { key_id = keyId, type = "hmac-sha256", key = Convert.ToBase64String(secret) };

    /// <summary>A reading of 1 kWh at minute <paramref name="minute"/> (also its seq), signed with an HMAC device key.</summary>
    public static object HmacSigned(string site, int minute, string keyId, byte[] secret)
    {
        var seq = minute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = System.Security.Cryptography.HMACSHA256.HashData(secret, Daarion.Grains.Interfaces.Energy.ReadingSignature.Payload(site, seq, "1", "kWh", At(minute)));
        return new { site_id = site, value = "1", unit = "kWh", ts = At(minute), seq = minute, key_id = keyId, signature = Convert.ToBase64String(signature) };
    }

    public static object Reading(string site, object value, string ts, long? seq = null, string? unit = "kWh") =>
        new { site_id = site, value, unit, ts, seq };

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
