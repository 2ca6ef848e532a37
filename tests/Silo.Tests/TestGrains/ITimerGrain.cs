namespace Daarion.Silo.Tests.TestGrains;

/// <summary>Counts timer ticks and whether a tick ever overlapped a call.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(int periodMilliseconds);

    Task<int> Ticks();

    Task<bool> Overlapped();

    Task Busy(int milliseconds);

    Task Deactivate();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private int _ticks;
    private bool _inCall;
    private bool _overlapped;

    public static int TicksAfterDeactivation;
    private bool _deactivated;

    public Task Start(int periodMilliseconds)
    {
        RegisterGrainTimer(async _ =>
        {
            if (_inCall) _overlapped = true;
            if (_deactivated) Interlocked.Increment(ref TicksAfterDeactivation);
            _ticks++;
            await Task.Yield();
        }, TimeSpan.FromMilliseconds(periodMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds));
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task<bool> Overlapped() => Task.FromResult(_overlapped);

    public async Task Busy(int milliseconds)
    {
        _inCall = true;
        await Task.Delay(milliseconds);
        _inCall = false;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivated = true;
        return Task.CompletedTask;
    }
}
