using System.ComponentModel;
using System.Reflection;

namespace Daarion.Silo.Runtime;

/// <summary>
/// One call to a grain: the mailbox entry, the filter context, and the synchronization context of its turn.
/// Awaits inside the turn post their continuations back here, so they run on the activation one at a time
/// and know which request they belong to (the caller of any grain call they make).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest : SynchronizationContext, IIncomingGrainCallContext
{
    private int _completed;
    private int _filterIndex;

    // Set by the runtime when the request is dispatched; read by the activation that runs it.
    internal ActivationData Target = null!;
    internal GrainRequest? Caller;
    internal long SentAt;
    internal long Deadline;

    // Guarded by Target's lock: the turn has started and has not ended.
    internal bool IsRunning;

    // Links of the in-flight registry (timeouts); guarded by the registry stripe's lock.
    internal GrainRequest? InFlightPrevious;
    internal GrainRequest? InFlightNext;
    internal int InFlightStripe = -1;

    /// <summary>The interface method this request invokes.</summary>
    public abstract GrainMethodInfo Method { get; }

    public virtual int ArgumentCount => 0;

    public virtual object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public abstract object? Result { get; set; }

    internal virtual RequestKind Kind => RequestKind.Call;

    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    internal Exception? Failure { get; private protected set; }

    GrainId IIncomingGrainCallContext.TargetId => Target.Id;

    object IIncomingGrainCallContext.Grain => Target.Grain!;

    MethodInfo IIncomingGrainCallContext.InterfaceMethod => Method.Method;

    GrainId? IIncomingGrainCallContext.CallerId => Caller?.Target.Id;

    Task IIncomingGrainCallContext.Invoke()
    {
        var filters = Target.Runtime.CallFilters;
        var index = _filterIndex++;
        return index < filters.Length ? filters[index].Invoke(this) : InvokeGrain();
    }

    /// <summary>Starts the turn on the activation's worker; true when it also finished there.</summary>
    internal abstract bool StartTurn();

    /// <summary>Completes the call with an error unless it already completed.</summary>
    internal abstract bool TryFail(Exception error);

    private protected abstract Task InvokeGrain();

    private protected Task InvokeFilterChain() => ((IIncomingGrainCallContext)this).Invoke();

    private protected bool TryMarkCompleted() => Interlocked.Exchange(ref _completed, 1) == 0;

    public override void Post(SendOrPostCallback d, object? state) => Target.EnqueueContinuation(new ContinuationItem(this, d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send would block the activation; grain code awaits instead.");

    public override SynchronizationContext CreateCopy() => this;

    public override string ToString() => $"{Target?.Id.ToString() ?? "?"}.{Method.Name}";
}
