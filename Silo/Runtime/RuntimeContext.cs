namespace Daarion.Silo.Runtime;

/// <summary>The request whose turn is running on this thread, so calls it makes carry their caller (for cycle detection).</summary>
internal static class RuntimeContext
{
    [ThreadStatic]
    internal static GrainRequest? Current;
}
