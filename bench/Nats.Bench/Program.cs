using Daarion.Nats.Bench;

// Usage: Daarion.Nats.Bench [--messages N] [--sequential N] [--size BYTES] [--window N] [--storage file|memory] [--msg-id]
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

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await PublishBenchmark.RunAsync(options, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("interrupted");
    return 130;
}
