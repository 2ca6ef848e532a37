using System.Diagnostics;

namespace Daarion.Silo.Runtime;

/// <summary>
/// One activation of one grain: its mailbox and its turn scheduler. Requests start one at a time unless the
/// grain or method allows interleaving; await continuations of running turns always run, in order, on the
/// thread-pool work item this object is.
/// </summary>
internal sealed class ActivationData : IThreadPoolWorkItem
{
    private const int ItemsPerSlice = 64;

    private readonly Lock _lock = new();
    private readonly Deque<GrainRequest> _requests = new();
    private readonly Queue<ContinuationItem> _continuations = new();
    private readonly List<GrainTimer> _timers = [];
    private ActivationState _state = ActivationState.Created;
    private DeactivationReason? _deactivationReason;
    private bool _scheduled;
    private bool _systemTurnRunning;
    private int _running;
    private int _runningReadOnly;
    private long _lastActivity = Stopwatch.GetTimestamp();

    public ActivationData(GrainRuntime runtime, GrainId id, GrainClassInfo grainClass)
    {
        Runtime = runtime;
        Id = id;
        Class = grainClass;
    }

    public GrainRuntime Runtime { get; }
    public GrainId Id { get; }
    public GrainClassInfo Class { get; }
    public Grain? Grain { get; set; }

    public int QueueLength
    {
        get { lock (_lock) return _requests.Count; }
    }

    public bool IsValid
    {
        get { lock (_lock) return _state == ActivationState.Valid; }
    }

    /// <summary>Queues a request. False when this activation is gone and the sender must look up the grain again.</summary>
    public bool TryEnqueue(GrainRequest request)
    {
        Exception? refusal = null;
        bool schedule;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid) return false;
            request.Target = this;
            if (request.Kind == RequestKind.Call) _lastActivity = request.SentAt;

            var waitingAncestor = request.Caller is null ? null : FindRunningAncestor(request);
            if (waitingAncestor is not null)
            {
                // The caller chain waits on a turn running here: start now if allowed to interleave, else it is a deadlock.
                if (_state == ActivationState.Valid && MayInterleaveWithRunning(request)) _requests.PushFront(request);
                else refusal = new DeadlockException(DescribeCycle(request, waitingAncestor));
            }
            else if (_requests.Count >= Runtime.Options.MaxQueueLength)
            {
                refusal = new GrainOverloadedException(Id, _requests.Count);
            }
            else
            {
                _requests.PushBack(request);
            }

            schedule = refusal is null && !_scheduled && !_systemTurnRunning;
            if (schedule) _scheduled = true;
        }

        if (refusal is not null) request.TryFail(refusal);
        else if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        return true;
    }

    public void EnqueueContinuation(ContinuationItem item)
    {
        bool schedule;
        lock (_lock)
        {
            _continuations.Enqueue(item);
            schedule = !_scheduled;
            _scheduled = true;
        }
        if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>Asks for deactivation once running turns end; queued and later requests go to the next activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        bool schedule;
        lock (_lock)
        {
            if (_state is ActivationState.Invalid or ActivationState.Deactivating) return;
            _deactivationReason = reason;
            if (_state == ActivationState.Valid) _state = ActivationState.Deactivating;
            schedule = !_scheduled;
            _scheduled = true;
        }
        if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Starts idle collection if nothing happened for <paramref name="idleTicks"/>.</summary>
    public bool TryCollectIfIdle(long now, long idleTicks)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running > 0 || _requests.Count > 0 || now - _lastActivity < idleTicks) return false;
        }
        RequestDeactivation(DeactivationReason.IdleCollection);
        return true;
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock) _timers.Add(timer);
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    public void Execute()
    {
        try
        {
            GrainRequest? endedTurn = null;
            for (var budget = ItemsPerSlice; ; budget--)
            {
                ContinuationItem continuation = default;
                GrainRequest? next = null;
                TurnRelease release = default;
                var yieldThread = false;
                lock (_lock)
                {
                    // Releasing the turn that just ended and picking the next item share one lock acquisition.
                    if (endedTurn is not null) release = ReleaseTurn(endedTurn);
                    if (budget == 0) yieldThread = true;
                    else if (_continuations.Count > 0) continuation = _continuations.Dequeue();
                    else if ((next = NextTurn()) is null) _scheduled = false;
                }
                if (endedTurn is not null) AfterRelease(endedTurn, release);
                endedTurn = null;

                if (yieldThread)
                {
                    // Give other activations the thread; this one still has work.
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
                if (next is not null)
                {
                    if (RunTurn(next)) endedTurn = next;
                }
                else if (continuation.Callback is not null)
                {
                    RunContinuation(continuation);
                }
                else
                {
                    return;
                }
            }
        }
        finally
        {
            RuntimeContext.Current = null;
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    /// <summary>Ends a turn that completed asynchronously: releases the activation and applies lifecycle transitions.</summary>
    public void EndTurn(GrainRequest request)
    {
        TurnRelease release;
        var schedule = false;
        lock (_lock)
        {
            release = ReleaseTurn(request);
            if (!_scheduled && HasRunnableWork())
            {
                _scheduled = true;
                schedule = true;
            }
        }
        AfterRelease(request, release);
        if (schedule) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // Under the lock: the bookkeeping of a finished turn, and the lifecycle step an activation or deactivation turn ends.
    private TurnRelease ReleaseTurn(GrainRequest request)
    {
        request.IsRunning = false;
        _running--;
        if (request.Method.ReadOnly) _runningReadOnly--;
        switch (request.Kind)
        {
            case RequestKind.Activate:
                _systemTurnRunning = false;
                if (request.Failure is not null) return new TurnRelease(Invalidate());
                _state = _deactivationReason is null ? ActivationState.Valid : ActivationState.Deactivating;
                return new TurnRelease(null, Activated: true);
            case RequestKind.Deactivate:
                _systemTurnRunning = false;
                return new TurnRelease(Invalidate());
            default:
                return default;
        }
    }

    // Outside the lock: tell the runtime about lifecycle changes (it may forward or fail the orphaned requests).
    private void AfterRelease(GrainRequest request, TurnRelease release)
    {
        if (release.Activated) Runtime.OnActivated(this);
        if (release.Orphans is not null) Runtime.OnActivationGone(this, request.Kind == RequestKind.Activate ? request.Failure : null, release.Orphans);
    }

    private List<GrainRequest> Invalidate()
    {
        _state = ActivationState.Invalid;
        foreach (var timer in _timers) timer.Stop();
        _timers.Clear();
        return _requests.DrainAll();
    }

    // Called under the lock. Returns the request to run next and marks it running, or null.
    private GrainRequest? NextTurn()
    {
        if (_systemTurnRunning || _state == ActivationState.Invalid) return null;
        if (_state == ActivationState.Created)
        {
            _state = ActivationState.Activating;
            return MarkRunning(new SystemRequest(RequestKind.Activate, this));
        }
        if (_state == ActivationState.Deactivating)
        {
            if (_running > 0) return null;
            if (_deactivationReason == DeactivationReason.IdleCollection && _requests.Count > 0)
            {
                // A call arrived before collection started: stay active.
                _state = ActivationState.Valid;
                _deactivationReason = null;
            }
            else
            {
                return MarkRunning(new SystemRequest(RequestKind.Deactivate, this, _deactivationReason));
            }
        }

        while (_requests.Count > 0)
        {
            var head = _requests.PeekFront();
            if (head.IsCompleted)
            {
                // Timed out while queued: the caller has its answer, so the call is not run.
                _requests.PopFront();
                continue;
            }
            if (_running > 0 && !MayInterleaveWithRunning(head)) return null;
            return MarkRunning(_requests.PopFront());
        }
        return null;
    }

    private bool HasRunnableWork() =>
        _continuations.Count > 0
        || (!_systemTurnRunning && _state == ActivationState.Deactivating && _running == 0)
        || (!_systemTurnRunning && _requests.Count > 0 && (_running == 0 || MayInterleaveWithRunning(_requests.PeekFront())));

    private bool MayInterleaveWithRunning(GrainRequest request) =>
        !_systemTurnRunning
        && (_running == 0
            || Class.IsReentrant
            || request.Method.AlwaysInterleave
            || (request.Method.ReadOnly && _runningReadOnly == _running));

    private GrainRequest MarkRunning(GrainRequest request)
    {
        request.Target = this;
        request.IsRunning = true;
        _running++;
        if (request.Method.ReadOnly) _runningReadOnly++;
        if (request.Kind is RequestKind.Activate or RequestKind.Deactivate) _systemTurnRunning = true;
        return request;
    }

    // True when the turn also ended here; otherwise the grain's task ends it later through EndTurn.
    private static bool RunTurn(GrainRequest request)
    {
        RuntimeContext.Current = request;
        SynchronizationContext.SetSynchronizationContext(request);
        return request.StartTurn();
    }

    private void RunContinuation(ContinuationItem item)
    {
        RuntimeContext.Current = item.Request;
        SynchronizationContext.SetSynchronizationContext(item.Request);
        try
        {
            item.Callback(item.State);
        }
        catch (Exception e)
        {
            // Await continuations do not throw (errors go to their task); anything else is a bug worth seeing.
            Log.ContinuationFailed(Runtime.Logger, e, Id.ToString());
        }
    }

    // Under the lock: a request of this activation that is running and waits (through the caller chain) on this call.
    private GrainRequest? FindRunningAncestor(GrainRequest request)
    {
        for (var ancestor = request.Caller; ancestor is not null; ancestor = ancestor.Caller)
        {
            if (ancestor.Target == this && ancestor.IsRunning && !ancestor.IsCompleted) return ancestor;
        }
        return null;
    }

    private List<GrainId> DescribeCycle(GrainRequest request, GrainRequest waitingAncestor)
    {
        var path = new List<GrainId>();
        for (var link = request.Caller; link is not null && link != waitingAncestor; link = link.Caller) path.Add(link.Target.Id);
        path.Add(Id);
        path.Reverse();
        path.Add(Id);
        return path;
    }
}
