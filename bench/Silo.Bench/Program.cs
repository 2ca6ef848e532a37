using Daarion.Silo.Bench;

// Usage: Daarion.Silo.Bench [calls|writes] [--keys N] [--concurrency N] [--seconds S] [--warmup S] [--events N] [--valuetask] [--astask]
BenchArgs options;
try
{
    options = BenchArgs.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchArgs.Usage);
    return 2;
}

// Ctrl-C ends the measurement early instead of killing the process, so the writes mode still checks and cleans up.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return options.Mode == BenchMode.Writes
        ? await WriteBenchmark.RunAsync(options, stop.Token)
        : await CallBenchmark.RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted");
    return WriteBenchmark.Interrupted;
}
