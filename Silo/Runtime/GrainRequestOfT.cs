using System.ComponentModel;
using System.Threading.Tasks.Sources;

namespace Daarion.Silo.Runtime;

/// <summary>A call returning <typeparamref name="TResult"/>; the caller awaits it as a ValueTask source. Generated per grain method.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest<TResult> : GrainRequest, IValueTaskSource<TResult>, IValueTaskSource
{
    // One-shot: never reset, so the token is always the initial version.
    private ManualResetValueTaskSourceCore<TResult> _source = new() { RunContinuationsAsynchronously = true };
    private TResult? _result;
    private TaskCompletionSource<TResult>? _taskSource;
    private ValueTask<TResult> _pendingTurn;
    private Action? _settlePendingTurn;

    public override object? Result
    {
        get => _result;
        set => _result = (TResult)value!;
    }

    internal short Token => _source.Version;

    /// <summary>
    /// For Task-returning methods: the caller gets a task completed directly, which the thread pool schedules
    /// better than a ValueTask source wrapped by AsTask (measured in bench/Silo.Bench).
    /// </summary>
    internal Task<TResult> CreateTask() => (_taskSource = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Calls the grain method with this request's arguments.</summary>
    protected abstract ValueTask<TResult> InvokeCore(object grain);

    /// <summary>Adapts a void grain method's task to the request's result type.</summary>
    protected static ValueTask<VoidResult> Void(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task);

    /// <inheritdoc cref="Void(Task)"/>
    protected static ValueTask<VoidResult> Void(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task.AsTask());

    private static async ValueTask<VoidResult> AwaitVoid(Task task)
    {
        await task;
        return default;
    }

    internal override bool StartTurn()
    {
        ValueTask<TResult> turn;
        try
        {
            turn = Kind == RequestKind.Call && Target.Runtime.CallFilters.Length > 0
                ? RunFilters()
                : InvokeCore(Target.Grain!);
        }
        catch (Exception e)
        {
            TryFail(e);
            return true;
        }

        if (turn.IsCompleted)
        {
            Settle(turn);
            return true;
        }

        // The turn ends when the grain's task does; its last continuation usually runs on the worker itself.
        _pendingTurn = turn;
        turn.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_settlePendingTurn ??= SettlePendingTurn);
        return false;
    }

    private void SettlePendingTurn()
    {
        var turn = _pendingTurn;
        _pendingTurn = default;
        Settle(turn);
        Target.EndTurn(this);
    }

    private void Settle(ValueTask<TResult> turn)
    {
        TResult result;
        try
        {
            result = turn.Result;
        }
        catch (Exception e)
        {
            TryFail(e);
            return;
        }
        TrySetResult(result);
    }

    private async ValueTask<TResult> RunFilters()
    {
        await InvokeFilterChain();
        return _result!;
    }

    private protected override Task InvokeGrain()
    {
        var call = InvokeCore(Target.Grain!);
        if (call.IsCompletedSuccessfully)
        {
            _result = call.Result;
            return Task.CompletedTask;
        }
        return AwaitGrain(call);
    }

    private async Task AwaitGrain(ValueTask<TResult> call) => _result = await call;

    internal bool TrySetResult(TResult value)
    {
        if (!TryMarkCompleted()) return false;
        Target.Runtime.OnRequestCompleted(this, failed: false);
        if (_taskSource is not null) _taskSource.SetResult(value);
        else _source.SetResult(value);
        return true;
    }

    internal override bool TryFail(Exception error)
    {
        if (!TryMarkCompleted()) return false;
        Failure = error;
        Target.Runtime.OnRequestCompleted(this, failed: true);
        if (_taskSource is not null) _taskSource.SetException(error);
        else _source.SetException(error);
        return true;
    }

    public TResult GetResult(short token) => _source.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _source.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _source.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _source.OnCompleted(continuation, state, token, flags);
}
