namespace Daarion.Silo;

/// <summary>On a grain interface method: overrides the silo's response timeout for calls to it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(int milliseconds) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.FromMilliseconds(milliseconds);
}
