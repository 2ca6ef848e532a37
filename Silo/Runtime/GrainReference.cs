using System.ComponentModel;

namespace Daarion.Silo.Runtime;

/// <summary>
/// Base of generated grain references. Cheap to create; remembers the activation it last reached so repeated
/// calls skip the catalog lookup.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference : IEquatable<GrainReference>
{
    private readonly GrainRuntime _runtime;

    protected GrainReference(GrainRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    internal GrainClassInfo Class { get; set; } = null!;

    internal ActivationData? CachedActivation { get; set; }

    protected ValueTask<TResult> Send<TResult>(GrainRequest<TResult> request)
    {
        _runtime.Dispatch(this, request);
        return new ValueTask<TResult>(request, request.Token);
    }

    protected Task<TResult> SendAsTask<TResult>(GrainRequest<TResult> request)
    {
        var task = request.CreateTask();
        _runtime.Dispatch(this, request);
        return task;
    }

    protected ValueTask SendVoid(GrainRequest<VoidResult> request)
    {
        _runtime.Dispatch(this, request);
        return new ValueTask(request, request.Token);
    }

    protected Task SendVoidAsTask(GrainRequest<VoidResult> request) => SendAsTask(request);

    public bool Equals(GrainReference? other) => other is not null && other.GrainId == GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
