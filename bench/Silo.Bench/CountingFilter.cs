namespace Daarion.Silo.Bench;

/// <summary>A minimal incoming filter, so the benchmark pays for the filter pipeline as production does.</summary>
public sealed class CountingFilter : IIncomingGrainCallFilter
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
