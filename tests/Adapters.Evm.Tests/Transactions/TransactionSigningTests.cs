using System.Numerics;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.Transactions;

public sealed class TransactionSigningTests
{
    private static readonly EthereumKey Key = EthereumKey.FromPrivateKey(Convert.FromHexString("4646464646464646464646464646464646464646464646464646464646464646"));
    private static readonly EthereumAddress To = EthereumAddress.Parse("0x3535353535353535353535353535353535353535");

    [Fact]
    public void Legacy_MatchesTheEip155Example()
    {
        // EIP-155, "Example": nonce 9, 20 gwei, 21000 gas, 1 ether to 0x3535…, chain 1, key 0x4646….
        var transaction = new UnsignedTransaction
        {
            ChainId = 1, Nonce = 9, GasLimit = 21_000, Fees = new LegacyFees(20_000_000_000), To = To, Value = BigInteger.Pow(10, 18),
        };

        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(transaction.SigningHash()));
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            transaction.Sign(Key).ToString());
    }

    [Fact]
    public void Eip1559_MatchesEthers()
    {
        // Produced by ethers 6.17 Wallet.signTransaction with the same key and fields.
        var transaction = new UnsignedTransaction
        {
            ChainId = 31337, Nonce = 7, GasLimit = 100_000, Fees = new Eip1559Fees(3_000_000_000, 1_000_000_000), To = To, Data = Convert.FromHexString("a9059cbb"),
        };

        var signed = transaction.Sign(Key);

        Assert.Equal("0xbb799bab5bedfd6ba17fd8d4dd8f94c91e1c87daa82a2beb999bfe2c6c7d406f", Hex.Encode(transaction.SigningHash()));
        Assert.Equal(
            "0x02f871827a6907843b9aca0084b2d05e00830186a09435353535353535353535353535353535353535358084a9059cbbc080a05c0219323ef3c818d56155802577b6cf3068489c91fdab2a09e6a78d40159bbea02e859bdf007d67d3109d546b0bc8b4b95dd8f6e3f536ea8f6fbd230fe1791791",
            signed.ToString());
        Assert.Equal("0xd36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95c6", signed.Hash.ToString());
    }

    [Fact]
    public void Eip1559_ContractCreation_HasAnEmptyToAndZeroFees()
    {
        var transaction = new UnsignedTransaction
        {
            ChainId = 1, Nonce = 0, GasLimit = 53_000, Fees = new Eip1559Fees(0, 0), Data = Convert.FromHexString("6080"),
        };

        Assert.Equal(
            "0x02f8500180808082cf088080826080c001a0221eba7ced2f5fc4c430ed8e69f249bcf8886ca7d7854fb2d3e7564d5ac67009a05e3a325ca09fea338a74e56b108253caabc4185b23f28660c5cea1a06e702693",
            transaction.Sign(Key).ToString());
    }

    [Fact]
    public void Eip1559_WithATipAboveTheMaxFee_IsRefused()
    {
        var transaction = new UnsignedTransaction { ChainId = 1, Nonce = 0, GasLimit = 21_000, Fees = new Eip1559Fees(1, 2), To = To };

        Assert.Throws<InvalidOperationException>(() => transaction.Sign(Key));
    }
}
