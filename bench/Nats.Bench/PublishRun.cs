namespace Daarion.Nats.Bench;

/// <summary>One measured run: how many acknowledged publishes in how long.</summary>
public sealed record PublishRun(string Name, int Messages, TimeSpan Elapsed, int PayloadBytes)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"| {Name} | {Messages:N0} | {Elapsed.TotalMilliseconds:N0} ms | {PerSecond:N0} | {PerSecond * PayloadBytes / (1024 * 1024):N1} |";
}
