namespace Daarion.Silo.Runtime;

/// <summary>The runtime's own exclusive turns: activating (create, read state, OnActivateAsync) and deactivating.</summary>
internal sealed class SystemRequest : GrainRequest<VoidResult>
{
    private static readonly GrainMethodInfo ActivateMethod = GrainMethodInfo.Internal(typeof(Grain), nameof(Grain.OnActivateAsync));
    private static readonly GrainMethodInfo DeactivateMethod = GrainMethodInfo.Internal(typeof(Grain), nameof(Grain.OnDeactivateAsync));

    private readonly RequestKind _kind;
    private readonly ActivationData _activation;
    private readonly DeactivationReason? _reason;

    public SystemRequest(RequestKind kind, ActivationData activation, DeactivationReason? reason = null)
    {
        _kind = kind;
        _activation = activation;
        _reason = reason;
        Target = activation;
    }

    public override GrainMethodInfo Method => _kind == RequestKind.Activate ? ActivateMethod : DeactivateMethod;

    internal override RequestKind Kind => _kind;

    protected override ValueTask<VoidResult> InvokeCore(object grain) =>
        _kind == RequestKind.Activate ? ActivateAsync() : DeactivateAsync();

    private async ValueTask<VoidResult> ActivateAsync()
    {
        var runtime = _activation.Runtime;
        using var timeout = new CancellationTokenSource(runtime.Options.ActivationTimeout);
        var grain = _activation.Class.Create(runtime.Services);
        grain.Attach(_activation);
        _activation.Grain = grain;
        await grain.ReadStateOnActivateAsync(timeout.Token);
        await grain.OnActivateAsync(timeout.Token);
        return default;
    }

    private async ValueTask<VoidResult> DeactivateAsync()
    {
        var runtime = _activation.Runtime;
        try
        {
            using var timeout = new CancellationTokenSource(runtime.Options.DeactivationTimeout);
            if (_activation.Grain is { } grain) await grain.OnDeactivateAsync(_reason ?? DeactivationReason.ApplicationRequested, timeout.Token);
        }
        catch (Exception e)
        {
            // Deactivation is best effort (grains persist inside each operation); the activation goes away regardless.
            Log.DeactivationFailed(runtime.Logger, e, _activation.Id.ToString());
        }
        Log.Deactivated(runtime.Logger, _activation.Id.ToString(), _reason ?? DeactivationReason.ApplicationRequested);
        return default;
    }
}
