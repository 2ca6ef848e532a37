namespace Daarion.Silo.Tests.TestGrains;

/// <summary>Grains that call each other back, for call-cycle detection.</summary>
public interface IPingPongGrain : IGrainWithStringKey
{
    /// <summary>Calls the grains of the chain in turn; the last one calls <see cref="Ping"/> on the first.</summary>
    Task<string> Relay(string[] chain, bool interleaved);

    Task<string> Ping();

    [AlwaysInterleave]
    Task<string> PingInterleaved();
}

public sealed class PingPongGrain : Grain, IPingPongGrain
{
    public Task<string> Relay(string[] chain, bool interleaved)
    {
        if (chain.Length == 1)
        {
            var first = GrainFactory.GetGrain<IPingPongGrain>(chain[0]);
            return interleaved ? first.PingInterleaved() : first.Ping();
        }
        return GrainFactory.GetGrain<IPingPongGrain>(chain[0]).Relay(chain[1..], interleaved);
    }

    public Task<string> Ping() => Task.FromResult($"pong from {GetPrimaryKeyString()}");

    public Task<string> PingInterleaved() => Ping();
}
