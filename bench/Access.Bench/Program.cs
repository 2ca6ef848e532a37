using Daarion.Access.Bench;

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
return await DecisionBenchmark.RunAsync(options);
