using System.ComponentModel;
using System.Reflection;

namespace Daarion.Silo.Runtime;

/// <summary>A grain interface method and its scheduling attributes, resolved once per method.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainMethodInfo
{
    private GrainMethodInfo(MethodInfo method)
    {
        Method = method;
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        ReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: false);
        ResponseTimeout = method.GetCustomAttribute<ResponseTimeoutAttribute>()?.Timeout;
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
    }

    public MethodInfo Method { get; }
    public string Name => Method.Name;
    public string DisplayName { get; }
    public bool AlwaysInterleave { get; }
    public bool ReadOnly { get; }
    public TimeSpan? ResponseTimeout { get; }

    /// <summary>Finds the method on the interface or one of its base interfaces (generated code calls this once per method).</summary>
    public static GrainMethodInfo Resolve(Type interfaceType, string name, Type[] parameterTypes)
    {
        var method = interfaceType.GetMethod(name, parameterTypes)
            ?? interfaceType.GetInterfaces().Select(i => i.GetMethod(name, parameterTypes)).FirstOrDefault(m => m is not null)
            ?? throw new MissingMethodException(interfaceType.FullName, name);
        return new GrainMethodInfo(method);
    }

    internal static GrainMethodInfo Internal(Type declaringType, string name) =>
        new(declaringType.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new MissingMethodException(declaringType.FullName, name));
}
