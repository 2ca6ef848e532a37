using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Daarion.ApiHost.Auth;
using Daarion.Hosting;
using Daarion.Testing;

namespace Daarion.Ledger.Bench;

/// <summary>
/// The API host in its own process on a fresh database, seeded over HTTP, then wrk: warm-up, uniform transfers, hot
/// payee, each with the CPU every part of the machine spent per transfer; then authenticated balance reads, for what
/// any request through JWT, PEP and decision log costs beside a transfer. Afterwards the journal is checked: balances
/// conserved, projection = journal, each 2xx transfer once.
/// </summary>
public static partial class HttpLoad
{
    public sealed record Result(WrkResult Uniform, WrkResult Hot, WrkResult Reads, double OperationsPerCommit, bool Verified);

    public static async Task<Result> RunAsync(string root, PostgresServer postgres, string natsUrl, string directory, BenchOptions options)
    {
        var database = await postgres.CreateDatabaseAsync("ledger_http");
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = new JwtIssuer(new JwtOptions { Secret = Encoding.UTF8.GetBytes(secret) }, TimeProvider.System).Issue("bench", Scopes.All, TimeSpan.FromHours(2));
        WrkResult uniform, hot, reads;
        double operationsPerCommit;
        await using (var host = await ApiHostProcess.StartAsync(root, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = database,
            ["NATS_URL"] = natsUrl,
            ["JWT_SECRET"] = secret,
            ["SECRETS_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }))
        {
            var wallets = await WalletSeeder.SeedAsync(host.Address, token, options.Wallets);
            var walletsFile = Path.Combine(directory, "wallets.txt");
            await File.WriteAllLinesAsync(walletsFile, wallets.Select(w => w.ToString()));
            Console.WriteLine($"seeded {wallets.Count} wallets with {WalletSeeder.OpeningBalance} KWT each; hot payee {wallets[0]}");

            await WrkAsync("warmup", hot: false, Math.Min(5, options.Seconds));
            var (commitsBefore, operationsBefore) = await LedgerCountersAsync(host);
            uniform = await WrkAsync("uniform", hot: false, options.Seconds);
            hot = await WrkAsync("hot", hot: true, options.Seconds);
            var (commits, operations) = await LedgerCountersAsync(host);
            operationsPerCommit = (operations - operationsBefore) / Math.Max(1.0, commits - commitsBefore);
            reads = await WrkAsync("reads", hot: false, options.Seconds, balance: true);

            async Task<WrkResult> WrkAsync(string run, bool hot, int seconds, bool balance = false)
            {
                var cpuBefore = CpuSnapshot.Take(host.ProcessId);
                var output = await Tool.RunAsync("wrk",
                    ["-t", $"{options.Threads}", "-c", $"{options.Connections}", "-d", $"{seconds}s", "--latency", "-s", Path.Combine(AppContext.BaseDirectory, "transfer.lua"), host.Address.ToString()],
                    new Dictionary<string, string> { ["WALLETS"] = walletsFile, ["TOKEN"] = token, ["RUN"] = run, ["HOT"] = hot ? "1" : "", ["BALANCE"] = balance ? "1" : "" });
                var result = WrkResult.Parse(output);
                var cpu = cpuBefore.PerOperation(CpuSnapshot.Take(host.ProcessId), result.Succeeded);
                var unit = balance ? "reads" : "transfers";
                Console.WriteLine($"  {run,-8} {result.SucceededPerSecond,10:N0} {unit}/s  p50 {result.P50Ms:N1} ms  p90 {result.P90Ms:N1} ms  p99 {result.P99Ms:N1} ms  non-2xx {result.Non2xx}  socket errors {result.SocketErrors}");
                Console.WriteLine($"  {"",-8} CPU per {unit[..^1]}: {CpuSnapshot.Format(cpu)}");
                return result;
            }
        }

        var check = await LedgerCheck.RunAsync(database);
        var exactlyOnce = check.UniformTransfers >= uniform.Succeeded && check.HotTransfers >= hot.Succeeded
            && check.UniformTransfers <= uniform.Requests + options.Connections && check.HotTransfers <= hot.Requests + options.Connections;
        Console.WriteLine($"check: KWT sum {check.AssetSum} (must be 0), projection mismatches {check.ProjectionMismatches}, " +
            $"journal holds {check.UniformTransfers} uniform (wrk saw {uniform.Succeeded} 2xx) and {check.HotTransfers} hot (wrk saw {hot.Succeeded} 2xx) transfers");
        return new Result(uniform, hot, reads, operationsPerCommit, check.Holds && exactlyOnce && reads.Non2xx + reads.SocketErrors == 0);
    }

    private static async Task<(long Commits, long Operations)> LedgerCountersAsync(ApiHostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        var text = await http.GetStringAsync("/metrics");
        long Counter(string name) => long.Parse(Regex.Match(text, $@"^{name} (\d+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
        return (Counter("ledger_commits_total"), Counter("ledger_operations_total"));
    }
}
