using Daarion.Events.Bench;

// Usage: Daarion.Events.Bench [drain|lag|all] [--rows] [--events N] [--batch N] [--rate N] [--seconds S]
if (BenchArgs.ParseOrExplain(args) is not { } options)
    return 2;

await using var servers = await BenchServers.StartAsync();
Console.WriteLine($"events bench: {(options.Rows ? "outbox_events rows (one per event)" : $"outbox_batches rows of {options.Batch} events (one per commit)")}, " +
    $"{Environment.ProcessorCount} cores, {await servers.DescribeAsync()}");
var ok = true;
if (options.Drain) ok &= await DrainBenchmark.RunAsync(servers, options);
if (options.Lag) ok &= await LagBenchmark.RunAsync(servers, options);
return ok ? 0 : 1;
