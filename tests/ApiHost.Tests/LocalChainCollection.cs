using Daarion.Testing.Evm;

namespace Daarion.ApiHost.Tests;

/// <summary>One anvil for the host's tests that settle payouts on chain.</summary>
[CollectionDefinition(Name)]
public sealed class LocalChainCollection : ICollectionFixture<LocalChain>
{
    public const string Name = "local chain";
}
