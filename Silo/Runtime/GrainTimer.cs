namespace Daarion.Silo.Runtime;

/// <summary>
/// An in-memory timer of one activation. Each tick is a turn of the grain (not interleaved with calls), the next
/// tick is not queued before the previous one finished, and ticks do not keep the activation from being collected.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly Timer _timer;
    private readonly CancellationTokenSource _stopped = new();
    private int _tickQueued;

    private GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = new Timer(static state => ((GrainTimer)state!).OnTimer(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public static GrainTimer Start(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var timer = new GrainTimer(activation, callback, period);
        activation.AddTimer(timer);
        timer._timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    public void Dispose()
    {
        Stop();
        _activation.RemoveTimer(this);
    }

    /// <summary>Stops ticking; a tick already running sees its token cancelled.</summary>
    public void Stop()
    {
        if (_stopped.IsCancellationRequested) return;
        _stopped.Cancel();
        _timer.Dispose();
    }

    private void OnTimer()
    {
        if (_stopped.IsCancellationRequested || Interlocked.Exchange(ref _tickQueued, 1) == 1) return;
        var tick = new TimerTickRequest(this);
        if (!_activation.TryEnqueue(tick)) Stop();
    }

    internal async ValueTask RunTickAsync()
    {
        try
        {
            if (!_stopped.IsCancellationRequested) await _callback(_stopped.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopped.IsCancellationRequested)
        {
            Log.TimerFailed(_activation.Runtime.Logger, e, _activation.Id.ToString());
        }
        finally
        {
            Volatile.Write(ref _tickQueued, 0);
            if (!_stopped.IsCancellationRequested && _period > TimeSpan.Zero)
            {
                try
                {
                    _timer.Change(_period, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // Stopped concurrently by deactivation.
                }
            }
        }
    }
}
