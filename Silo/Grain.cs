using Daarion.Silo.Runtime;

namespace Daarion.Silo;

/// <summary>
/// Base class of grain implementations. The runtime runs one turn at a time per activation, so grain fields need
/// no locks; awaits resume on the activation. Avoid ConfigureAwait(false) in grain code: it would leave the turn.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    internal ActivationData Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not activated yet: use OnActivateAsync rather than the constructor.");

    public GrainId GrainId => Activation.Id;

    /// <summary>The grain's key.</summary>
    public string GetPrimaryKeyString() => Activation.Id.Key;

    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>Runs after the state was read and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Best effort: it does not run if the process dies, so persist inside each operation.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn ends; later calls get a fresh activation.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>An in-memory timer whose ticks are turns of this activation; it stops with the activation.</summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainTimer.Start(Activation, callback, dueTime, period);

    /// <summary>A durable reminder: it survives restarts and activates the grain (which must implement <see cref="IRemindable"/>).</summary>
    protected Task RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);

    protected Task UnregisterReminder(string reminderName) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminderName);

    internal void Attach(ActivationData activation) => _activation = activation;

    internal virtual Task ReadStateOnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
