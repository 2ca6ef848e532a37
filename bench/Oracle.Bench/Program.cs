using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Daarion.ApiHost.Auth;
using Daarion.Hosting;
using Daarion.Oracle.Bench;
using Daarion.Testing;
using Npgsql;

// Meter readings/s through the batch endpoint of the real host, checked against what PostgreSQL holds afterwards.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var directory = Directory.CreateTempSubdirectory("daarion-oracle-bench-");
try
{
    await using var servers = await LocalInfrastructure.StartAsync(directory.FullName, startPostgres: true, startNats: true);
    var database = await servers.Postgres!.CreateDatabaseAsync("oracle_bench");
    var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    var token = new JwtIssuer(new JwtOptions { Secret = Encoding.UTF8.GetBytes(secret) }, TimeProvider.System)
        .Issue("bench", [Scopes.EnergyAdmin, Scopes.EnergyWrite], TimeSpan.FromHours(2));
    Console.WriteLine($"oracle bench: {options.Sites} sites, {options.Batch} readings per request ({options.ReadingsPerSite} per site), " +
        $"{(options.Signed ? "HMAC-signed" : "unsigned")}, {options.Connections} senders, {options.Seconds} s after {options.Warmup} s of warm-up, {Environment.ProcessorCount} cores");
    var deviceKey = options.Signed ? RandomNumberGenerator.GetBytes(32) : null;

    LoadResult warm, run;
    (long Commits, long Writes, long Events) before, after;
    CpuMeter.Sample cpuBefore, cpuAfter;
    await using (var host = await ApiHostProcess.StartAsync(RepositoryRoot.Path, new Dictionary<string, string>
    {
        ["DATABASE_URL"] = database,
        ["NATS_URL"] = servers.Nats!.Url,
        ["JWT_SECRET"] = secret,
        ["SECRETS_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }))
    {
        var sites = await SiteSeeder.SeedAsync(host.Address, token, options.Sites, deviceKey);
        warm = await BatchLoad.RunAsync(host.Address, token, sites, options, TimeSpan.FromSeconds(options.Warmup), deviceKey);
        before = await StorageCountersAsync(host.Address);
        cpuBefore = CpuMeter.Take(host.ProcessId, servers.Postgres.DataDirectory);
        run = await BatchLoad.RunAsync(host.Address, token, sites, options, TimeSpan.FromSeconds(options.Seconds), deviceKey);
        cpuAfter = CpuMeter.Take(host.ProcessId, servers.Postgres.DataDirectory);
        after = await StorageCountersAsync(host.Address);
    }

    var (writes, commits) = (after.Writes - before.Writes, after.Commits - before.Commits);
    Console.WriteLine(FormattableString.Invariant(
        $"  {run.ReadingsPerSecond,10:N0} readings/s accepted  {run.RequestsPerSecond:N1} requests/s  p50 {run.P50Ms:N0} ms  p99 {run.P99Ms:N0} ms  not accepted {run.NotAccepted}  failed requests {run.FailedRequests}"));
    Console.WriteLine(FormattableString.Invariant(
        $"  {writes / run.Elapsed.TotalSeconds:N0} site writes/s, {(double)writes / Math.Max(1, commits):N1} writes per commit, {(after.Events - before.Events) / run.Elapsed.TotalSeconds:N0} outbox events/s"));

    var perThousand = 1000.0 / Math.Max(1, run.Accepted);
    var (hostCpu, postgresCpu, loadCpu) = ((cpuAfter.Host - cpuBefore.Host).TotalMilliseconds * perThousand,
        (cpuAfter.Postgres - cpuBefore.Postgres).TotalMilliseconds * perThousand, (cpuAfter.Load - cpuBefore.Load).TotalMilliseconds * perThousand);
    Console.WriteLine(FormattableString.Invariant(
        $"  CPU per 1,000 readings: host {hostCpu:N2} ms, PostgreSQL {postgresCpu:N2} ms, load generator {loadCpu:N2} ms; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    Console.WriteLine(FormattableString.Invariant(
        $"  on {Environment.ProcessorCount} cores of its own this would be about {Environment.ProcessorCount * 1_000_000 / (hostCpu + postgresCpu + loadCpu):N0} readings/s"));

    // Every accepted reading is in site_energy exactly once, as 1.5 kWh, and nothing else is.
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT coalesce(sum(readings), 0)::bigint, coalesce(sum(kwh), 0) FROM site_energy", connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    var (readings, kwh) = (reader.GetInt64(0), reader.GetDecimal(1));
    var accepted = warm.Accepted + run.Accepted;
    var verified = readings == accepted && kwh == accepted * BatchBody.ReadingKwh && warm.NotAccepted + run.NotAccepted == 0;
    Console.WriteLine($"check: site_energy holds {readings} readings and {kwh} kWh; the answers accepted {accepted} readings ({accepted * BatchBody.ReadingKwh} kWh)");
    Console.WriteLine(verified ? "verified: every accepted reading counted once, nothing else" : "FAILED verification");
    return verified ? 0 : 1;
}
finally
{
    directory.Delete(recursive: true);
}

static async Task<(long Commits, long Writes, long Events)> StorageCountersAsync(Uri address)
{
    using var http = new HttpClient { BaseAddress = address };
    var text = await http.GetStringAsync("/metrics");
    long Counter(string name) => long.Parse(Regex.Match(text, $@"^{name} (\d+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
    return (Counter("silo_storage_commits_total"), Counter("silo_storage_writes_total"), Counter("silo_storage_events_total"));
}
