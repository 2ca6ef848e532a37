using Daarion.Testing;

namespace Daarion.Crypto.Tests.ReferenceInterop;

/// <summary>Shares one <see cref="NodeInterop"/> (and one npm install) across the interop test classes.</summary>
[CollectionDefinition(Name)]
public sealed class NodeInteropCollection : ICollectionFixture<NodeInterop>
{
    public const string Name = "node interop";
}
