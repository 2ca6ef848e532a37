using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Daarion.Silo.Reminders;
using Daarion.Silo.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Silo.Runtime;

/// <summary>
/// The silo's catalog and dispatcher: one activation per grain id, created on the first call, removed only after
/// it finished deactivating. Hands out grain references as the <see cref="IGrainFactory"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly InFlightRequests _inFlight = new();
    private readonly GrainTypeRegistry _types;
    private readonly long _defaultTimeoutTicks;

    internal GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry types,
        IEnumerable<IIncomingGrainCallFilter> callFilters,
        IOptions<SiloOptions> options,
        GrainStorage storage,
        ReminderRegistry reminders,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        _types = types;
        CallFilters = [.. callFilters];
        Options = options.Value;
        Storage = storage;
        Reminders = reminders;
        Logger = logger;
        _defaultTimeoutTicks = ToTicks(Options.ResponseTimeout);
    }

    internal IServiceProvider Services { get; }
    internal IIncomingGrainCallFilter[] CallFilters { get; }
    internal SiloOptions Options { get; }
    internal GrainStorage Storage { get; }
    internal ReminderRegistry Reminders { get; }
    internal ILogger Logger { get; }
    internal GrainTypeRegistry Types => _types;
    internal ICollection<ActivationData> Activations => _activations.Values;
    internal int ActivationCount => _activations.Count;
    internal int InFlightCount => _inFlight.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var binding = _types.GetBinding(typeof(TGrainInterface));
        var reference = binding.CreateReference(this, new GrainId(binding.Class.GrainType, key));
        reference.Class = binding.Class;
        return (TGrainInterface)(object)reference;
    }

    /// <summary>Sends a call from a reference: stamps caller, time and deadline, then queues it on the activation.</summary>
    internal void Dispatch(GrainReference reference, GrainRequest request)
    {
        request.Caller = RuntimeContext.Current;
        request.SentAt = Stopwatch.GetTimestamp();
        request.Deadline = request.SentAt + (request.Method.ResponseTimeout is { } timeout ? ToTicks(timeout) : _defaultTimeoutTicks);
        _inFlight.Add(request);

        var activation = reference.CachedActivation;
        while (activation is null || !activation.TryEnqueue(request))
        {
            activation = GetOrCreateActivation(reference.GrainId, reference.Class);
            reference.CachedActivation = activation;
        }
    }

    /// <summary>Sends a call that has no reference (reminder ticks, forwarded requests).</summary>
    internal void Dispatch(GrainId grainId, GrainClassInfo grainClass, GrainRequest request)
    {
        if (request.SentAt == 0)
        {
            request.SentAt = Stopwatch.GetTimestamp();
            request.Deadline = request.SentAt + _defaultTimeoutTicks;
            _inFlight.Add(request);
        }
        while (!GetOrCreateActivation(grainId, grainClass).TryEnqueue(request))
        {
            // The activation found was invalidated in between: look again.
        }
    }

    internal void OnRequestCompleted(GrainRequest request, bool failed)
    {
        if (request.Kind != RequestKind.Call) return;
        _inFlight.Remove(request);
        request.Target.Class.Metrics.RecordCall(Stopwatch.GetTimestamp() - request.SentAt, failed);
    }

    internal void OnActivated(ActivationData activation)
    {
        activation.Class.Metrics.ActivationStarted();
        Log.Activated(Logger, activation.Id.ToString());
    }

    /// <summary>
    /// An activation left the catalog. Requests still queued on it go to the next activation, or fail with the
    /// activation error if it never came up.
    /// </summary>
    internal void OnActivationGone(ActivationData activation, Exception? activationFailure, List<GrainRequest> orphans)
    {
        _activations.TryRemove(KeyValuePair.Create(activation.Id, activation));
        if (activationFailure is null) activation.Class.Metrics.ActivationStopped();
        else Log.ActivationFailed(Logger, activationFailure, activation.Id.ToString());

        foreach (var request in orphans)
        {
            if (request.Kind != RequestKind.Call) continue;
            if (activationFailure is not null) request.TryFail(new GrainActivationException(activation.Id, activationFailure));
            else Dispatch(activation.Id, activation.Class, request);
        }
    }

    /// <summary>Fails the calls whose response timeout passed.</summary>
    internal int ExpireTimedOutCalls()
    {
        var expired = _inFlight.RemoveExpired(Stopwatch.GetTimestamp());
        foreach (var request in expired)
        {
            var timeout = request.Method.ResponseTimeout ?? Options.ResponseTimeout;
            request.TryFail(new GrainCallTimeoutException(request.Target.Id, request.Method.Name, timeout));
        }
        return expired.Count;
    }

    /// <summary>Starts idle collection on activations without calls for the collection age.</summary>
    internal int CollectIdleActivations()
    {
        var now = Stopwatch.GetTimestamp();
        var idleTicks = ToTicks(Options.CollectionAge);
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryCollectIfIdle(now, idleTicks)) collected++;
        }
        return collected;
    }

    /// <summary>Deactivates every activation (silo shutdown) and waits until the catalog is empty or the timeout passes.</summary>
    internal async Task DeactivateAllAsync(TimeSpan timeout)
    {
        foreach (var activation in _activations.Values) activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        var deadline = Stopwatch.GetTimestamp() + ToTicks(timeout);
        while (!_activations.IsEmpty && Stopwatch.GetTimestamp() < deadline) await Task.Delay(10);
    }

    private ActivationData GetOrCreateActivation(GrainId grainId, GrainClassInfo grainClass) =>
        _activations.GetOrAdd(grainId, static (id, state) => new ActivationData(state.Runtime, id, state.Class), (Runtime: this, Class: grainClass));

    internal static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
