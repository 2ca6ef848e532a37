using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.ReferenceInterop;

/// <summary>Foundry's cast as a second reference, next to ethers.</summary>
[Collection(LocalChainCollection.Name)]
public sealed class CastInteropTests(LocalChain chain)
{
    [Fact]
    public async Task SettleCalldata_IsWhatCastEncodes()
    {
        var key = PayoutSettlement.KeyOf("payout-site7-2025-03-alice");
        var recipient = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20));
        var amount = BigInteger.Parse("123456789000000000000000", CultureInfo.InvariantCulture);

        var cast = await chain.CastAsync(
            "calldata", PayoutSettlementContract.Settle.Signature.Text, Hex.Encode(key), recipient.ToString(), amount.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(cast, Hex.Encode(PayoutSettlementContract.Settle.EncodeCall(key, recipient, amount)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OurSignedTransactions_DecodeInCastToTheSignerAndTheFields(bool eip1559)
    {
        using var key = EthereumKey.Generate();
        var transaction = new UnsignedTransaction
        {
            ChainId = LocalChain.ChainId,
            Nonce = 42,
            GasLimit = 90_000,
            Fees = eip1559 ? new Eip1559Fees(3_000_000_000, 1_500_000_000) : new LegacyFees(2_000_000_000),
            To = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)),
            Value = BigInteger.Pow(10, 18),
            Data = RandomNumberGenerator.GetBytes(36),
        };
        var signed = transaction.Sign(key);

        // cast prints the JSON as a JSON string.
        var decoded = JsonDocument.Parse(JsonSerializer.Deserialize<string>(await chain.CastAsync("decode-transaction", signed.ToString(), "--json"))!).RootElement;

        Assert.Equal(key.Address, EthereumAddress.Parse(decoded.GetProperty("signer").GetString()!));
        Assert.Equal(signed.Hash.ToString(), decoded.GetProperty("hash").GetString());
        Assert.Equal(eip1559 ? "0x2" : "0x0", decoded.GetProperty("type").GetString());
        Assert.Equal(Quantity.Format(LocalChain.ChainId), decoded.GetProperty("chainId").GetString());
        Assert.Equal("0x2a", decoded.GetProperty("nonce").GetString());
        Assert.Equal(transaction.To!, EthereumAddress.Parse(decoded.GetProperty("to").GetString()!));
        Assert.Equal(Quantity.Format(transaction.Value), decoded.GetProperty("value").GetString());
        Assert.Equal(Hex.Encode(transaction.Data.Span), decoded.GetProperty("input").GetString());
    }
}
