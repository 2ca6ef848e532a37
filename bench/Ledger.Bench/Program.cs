using Daarion.Hosting;
using Daarion.Testing;
using Daarion.Ledger.Bench;

// Durable transfers/s through the HTTP API vs. one SQL transaction per transfer, in one run on one PostgreSQL.
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

var root = RepositoryRoot.Path;
var directory = Directory.CreateTempSubdirectory("daarion-ledger-bench-");
try
{
    await using var servers = await LocalInfrastructure.StartAsync(directory.FullName, startPostgres: true, startNats: true);
    var postgres = servers.Postgres!;
    Console.WriteLine($"ledger bench: {options.Wallets} wallets, {options.Seconds} s per run, wrk -t{options.Threads} -c{options.Connections}, " +
        $"pgbench -c{options.BaselineClients}, {Environment.ProcessorCount} cores, runs: {string.Join(',', options.Runs)}");
    var rows = new List<string>();
    var verified = true;
    double? uniformRate = null, hotRate = null, ledgerBaseline = null, plainBaseline = null;

    if (options.Runs.Contains("http"))
    {
        var http = await HttpLoad.RunAsync(root, postgres, servers.Nats!.Url, directory.FullName, options);
        rows.Add(Row("HTTP API, uniform (group commit)", http.Uniform));
        rows.Add(Row("HTTP API, hot payee (group commit)", http.Hot));
        rows.Add(Row("HTTP API, authenticated balance reads (requests/s: what any request costs)", http.Reads));
        (uniformRate, hotRate) = (http.Uniform.SucceededPerSecond, http.Hot.SucceededPerSecond);
        verified &= http.Verified;
        Console.WriteLine(FormattableString.Invariant($"  {http.OperationsPerCommit:N1} operations per commit"));
    }
    if (options.Runs.Contains("service"))
    {
        var service = await ServiceLoad.RunAsync(await postgres.CreateDatabaseAsync("ledger_service"), options);
        Console.WriteLine($"  service  {service.PerSecond,10:N0} transfers/s  p50 {service.P50Ms:N1} ms  p99 {service.P99Ms:N1} ms  failed {service.Failed} (in-process LedgerService, {options.Connections} callers, no HTTP)");
        Console.WriteLine($"  {"",-8} CPU per transfer: {CpuSnapshot.Format(service.Cpu)}");
        rows.Add(FormattableString.Invariant($"| LedgerService in-process, no HTTP ({options.Connections} callers) | {service.PerSecond:N0} | {service.P50Ms:N1} ms | | {service.P99Ms:N1} ms | {service.Failed} |"));
    }
    if (options.Runs.Contains("commit"))
    {
        var commit = await CommitLoad.RunAsync(postgres, options);
        Console.WriteLine($"  commit   {commit.TransfersPerSecond,10:N0} transfers/s  {commit.MillisecondsPerCall:N2} ms per call (ledger_commit alone, {options.Group} transfers per call, pgbench -c{CommitLoad.Clients})");
        Console.WriteLine($"  {"",-8} CPU per transfer: {CpuSnapshot.Format(commit.Cpu)}");
        rows.Add(FormattableString.Invariant($"| ledger_commit alone, {options.Group} transfers per call (pgbench -c{CommitLoad.Clients}) | {commit.TransfersPerSecond:N0} | avg {commit.MillisecondsPerCall:N1} ms per call | | | {commit.FailedCalls} |"));
        verified &= commit.Verified;
    }
    if (options.Runs.Contains("baseline"))
    {
        var plain = await Baselines.PlainAsync(postgres, options);
        Console.WriteLine($"  plain schema          {plain.TransfersPerSecond,10:N0} transfers/s  avg {plain.AverageLatencyMs:N1} ms  failed {plain.Failed}");
        var ledgerSchema = await Baselines.LedgerSchemaAsync(postgres, options);
        Console.WriteLine($"  ledger schema         {ledgerSchema.TransfersPerSecond,10:N0} transfers/s  avg {ledgerSchema.AverageLatencyMs:N1} ms  failed {ledgerSchema.Failed}");
        rows.Add(FormattableString.Invariant($"| one SQL transaction per transfer, ledger schema (pgbench -c{options.BaselineClients}) | {ledgerSchema.TransfersPerSecond:N0} | avg {ledgerSchema.AverageLatencyMs:N1} ms | | | {ledgerSchema.Failed} |"));
        rows.Add(FormattableString.Invariant($"| one SQL transaction per transfer, plain schema (pgbench -c{options.BaselineClients}) | {plain.TransfersPerSecond:N0} | avg {plain.AverageLatencyMs:N1} ms | | | {plain.Failed} |"));
        (ledgerBaseline, plainBaseline) = (ledgerSchema.TransfersPerSecond, plain.TransfersPerSecond);
    }

    Console.WriteLine();
    Console.WriteLine("| run | transfers/s | p50 | p90 | p99 | errors |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    rows.ForEach(Console.WriteLine);
    if (uniformRate is { } u && hotRate is { } h && ledgerBaseline is { } lb && plainBaseline is { } pb)
    {
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"uniform / ledger-schema baseline: {u / lb:N2}x; uniform / plain baseline: {u / pb:N2}x; hot payee / uniform: {h / u:N2}"));
    }
    Console.WriteLine(verified ? "verified: balances conserved, projection = journal, every 2xx transfer is in the journal once" : "FAILED verification");
    return verified ? 0 : 1;
}
finally
{
    directory.Delete(recursive: true);
}

static string Row(string name, WrkResult r) => FormattableString.Invariant(
    $"| {name} | {r.SucceededPerSecond:N0} | {r.P50Ms:N1} ms | {r.P90Ms:N1} ms | {r.P99Ms:N1} ms | {r.Non2xx + r.SocketErrors} |");
