using System.Reflection;

namespace Daarion.Silo;

/// <summary>What an incoming call filter sees of the call.</summary>
public interface IIncomingGrainCallContext
{
    GrainId TargetId { get; }

    /// <summary>The grain instance being called.</summary>
    object Grain { get; }

    /// <summary>The interface method being called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The grain calling, or null for a call from outside the silo (an API request, a reminder).</summary>
    GrainId? CallerId { get; }

    int ArgumentCount { get; }

    object? GetArgument(int index);

    /// <summary>The call's result once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method itself after the last one.</summary>
    Task Invoke();
}
