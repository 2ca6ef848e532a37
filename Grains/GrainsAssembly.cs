using System.Reflection;

namespace Daarion.Grains;

/// <summary>The assembly the silo scans for grain classes.</summary>
public static class GrainsAssembly
{
    public static Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
