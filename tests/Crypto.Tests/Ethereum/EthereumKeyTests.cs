using Daarion.Crypto.Ethereum;

namespace Daarion.Crypto.Tests.Ethereum;

public sealed class EthereumKeyTests
{
    [Fact]
    public void Generate_GivesDistinctKeysWithMatchingAddresses()
    {
        using var first = EthereumKey.Generate();
        using var second = EthereumKey.Generate();

        Assert.NotEqual(first.Address, second.Address);
        Assert.Equal(first.Address, EthereumAddress.FromPublicKey(first.PublicKey.Span));
    }

    [Fact]
    public void ToString_ShowsTheAddressButNotTheKey()
    {
        var privateKey = Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        using var key = EthereumKey.FromPrivateKey(privateKey);

        Assert.Contains(key.Address.ToString(), key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4c0883a6", key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SignHash_AfterDispose_Throws()
    {
        var key = EthereumKey.Generate();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.SignHash(new byte[32]));
    }

    [Fact]
    public void FromPrivateKey_OfInvalidKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => EthereumKey.FromPrivateKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => EthereumKey.FromPrivateKey(new byte[16]));
    }
}
