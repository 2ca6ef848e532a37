using System.ComponentModel;

namespace Daarion.Silo.Runtime;

/// <summary>The result type of grain methods that return Task or ValueTask.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct VoidResult;
