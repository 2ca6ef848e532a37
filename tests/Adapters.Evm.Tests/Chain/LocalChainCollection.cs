using Daarion.Testing.Evm;

namespace Daarion.Adapters.Evm.Tests.Chain;

/// <summary>Shares one anvil (and one npm install) across the tests that need a chain or the reference tools.</summary>
[CollectionDefinition(Name)]
public sealed class LocalChainCollection : ICollectionFixture<LocalChain>
{
    public const string Name = "local chain";
}
