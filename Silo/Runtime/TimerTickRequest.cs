namespace Daarion.Silo.Runtime;

/// <summary>A timer tick as a turn of its activation.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : GrainRequest<VoidResult>
{
    private static readonly GrainMethodInfo TickMethod = GrainMethodInfo.Internal(typeof(GrainTimer), nameof(GrainTimer.RunTickAsync));

    public override GrainMethodInfo Method => TickMethod;

    internal override RequestKind Kind => RequestKind.Timer;

    protected override ValueTask<VoidResult> InvokeCore(object grain) => Void(timer.RunTickAsync());
}
