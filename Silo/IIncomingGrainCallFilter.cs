namespace Daarion.Silo;

/// <summary>
/// Runs around every incoming grain call, in registration order. A filter must await <c>context.Invoke()</c>
/// to let the call proceed, or throw to refuse it.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
