using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Tests.ReferenceInterop;

/// <summary>Random inputs encoded by us and by ethers 6 (interop/ethers.mjs) must agree byte for byte.</summary>
[Collection(LocalChainCollection.Name)]
public sealed class EthersInteropTests(LocalChain chain)
{
    // ASCII, Cyrillic, symbols and a line break: UTF-8 of one to three bytes a character.
    private const string Letters = "aZ0 ☀Сї€\n";

    private static readonly string[] AbiTypes = ["address", "bool", "uint8", "uint32", "uint256", "bytes1", "bytes20", "bytes32", "bytes", "string"];

    [Fact]
    public async Task SignedTransactions_AreByteForByteWhatEthersSigns()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        using var key = EthereumKey.FromPrivateKey(privateKey);
        var transactions = Enumerable.Range(0, 24).Select(RandomTransaction).ToArray();

        var output = await chain.Tools.RunScriptAsync<SignedByEthers>("ethers.mjs", "sign-transactions", new
        {
            privateKey = Hex.Encode(privateKey),
            transactions = transactions.Select(ToEthers).ToArray(),
        });

        for (var i = 0; i < transactions.Length; i++)
        {
            var signed = transactions[i].Sign(key);
            Assert.Equal(output.Results[i].SigningHash, Hex.Encode(transactions[i].SigningHash()));
            Assert.Equal(output.Results[i].Signed, signed.ToString());
            Assert.Equal(output.Results[i].Hash, signed.Hash.ToString());
        }
    }

    [Fact]
    public async Task Rlp_OfRandomNestedItems_IsWhatEthersEncodes()
    {
        var items = Enumerable.Range(0, 40).Select(_ => RandomRlpItem(depth: 0)).ToArray();

        var output = await chain.Tools.RunScriptAsync<RlpByEthers>("ethers.mjs", "rlp", new { items = items.Select(ToJson).ToArray() });

        Assert.Equal(output.Encoded, items.Select(item => Hex.Encode(EncodeRlp(item))));
    }

    [Fact]
    public async Task AbiEncoding_OfRandomParameterLists_IsWhatEthersEncodes_AndDecodesEthersOutput()
    {
        var cases = Enumerable.Range(0, 40).Select(_ =>
        {
            var types = Enumerable.Range(0, Random.Shared.Next(1, 7)).Select(_ => AbiTypes[Random.Shared.Next(AbiTypes.Length)]).ToArray();
            return (Types: types, Values: types.Select(RandomAbiValue).ToArray());
        }).ToArray();

        var encoded = await chain.Tools.RunScriptAsync<AbiByEthers>(
            "ethers.mjs", "abi-encode", new { cases = cases.Select(c => new { types = c.Types, values = c.Values.Select(ToJson).ToArray() }).ToArray() });
        var decoded = await chain.Tools.RunScriptAsync<AbiDecodedByEthers>(
            "ethers.mjs", "abi-decode", new { cases = cases.Select((c, i) => new { types = c.Types, data = encoded.Encoded[i] }).ToArray() });

        for (var i = 0; i < cases.Length; i++)
        {
            var types = cases[i].Types.Select(AbiType.Parse).ToArray();
            var ours = AbiCodec.Encode(types, cases[i].Values);
            Assert.Equal(encoded.Encoded[i], Hex.Encode(ours));
            Assert.True(Hex.TryDecode(encoded.Encoded[i], out var theirs));
            Assert.Equal(cases[i].Values.Select(ToJson).Select(Normalise), AbiCodec.Decode(types, theirs).Select(ToJson).Select(Normalise));
            Assert.Equal(cases[i].Values.Select(ToJson).Select(Normalise), decoded.Decoded[i].Select(value => Normalise(value.ToString())));
        }
    }

    [Fact]
    public async Task TheContractsSelectorsAndTopic_AreTheKeccakOfTheirSignatures()
    {
        AbiSignature[] signatures =
        [
            PayoutSettlementContract.Settle.Signature, PayoutSettlementContract.Settled.Signature, PayoutSettlementContract.Decimals.Signature,
            PayoutSettlementContract.BalanceOf.Signature, PayoutSettlementContract.PayoutSettled.Signature,
            .. PayoutSettlementContract.SettlementErrors.Select(error => error.Signature),
        ];

        var output = await chain.Tools.RunScriptAsync<IdsByEthers>("ethers.mjs", "ids", new { texts = signatures.Select(s => s.Text).ToArray() });

        Assert.Equal(output.Hashes, signatures.Select(s => Hex.Encode(s.Hash)));
    }

    private static UnsignedTransaction RandomTransaction(int index)
    {
        ulong[] chainIds = [1, 137, LocalChain.ChainId, 4_294_967_301];
        var maxFee = RandomInteger(Random.Shared.Next(0, 9));
        return new UnsignedTransaction
        {
            ChainId = chainIds[index % chainIds.Length],
            // ethers takes a nonce as a JavaScript number, so it stays below 2^53.
            Nonce = (ulong)Random.Shared.NextInt64(0, 1L << 53) >> Random.Shared.Next(0, 53),
            GasLimit = (ulong)Random.Shared.NextInt64(21_000, 30_000_000),
            Fees = index % 2 == 0 ? new Eip1559Fees(maxFee, maxFee / Random.Shared.Next(1, 10)) : new LegacyFees(maxFee),
            To = index % 5 == 4 ? null : EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)),
            Value = RandomInteger(Random.Shared.Next(0, 32)),
            Data = RandomNumberGenerator.GetBytes(Random.Shared.Next(0, 3) switch { 0 => 0, 1 => 4, _ => Random.Shared.Next(1, 200) }),
        };
    }

    private static object ToEthers(UnsignedTransaction transaction) => new
    {
        type = transaction.Fees is Eip1559Fees ? 2 : 0,
        chainId = transaction.ChainId.ToString(CultureInfo.InvariantCulture),
        nonce = transaction.Nonce.ToString(CultureInfo.InvariantCulture),
        gasLimit = transaction.GasLimit.ToString(CultureInfo.InvariantCulture),
        to = transaction.To?.ToString(),
        value = transaction.Value.ToString(CultureInfo.InvariantCulture),
        data = Hex.Encode(transaction.Data.Span),
        maxFeePerGas = (transaction.Fees as Eip1559Fees)?.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
        maxPriorityFeePerGas = (transaction.Fees as Eip1559Fees)?.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
        gasPrice = (transaction.Fees as LegacyFees)?.GasPrice.ToString(CultureInfo.InvariantCulture),
    };

    // Byte strings of the lengths where RLP's rules change, and lists nested a few levels.
    private static object RandomRlpItem(int depth)
    {
        if (depth < 3 && Random.Shared.Next(3) == 0)
            return Enumerable.Range(0, Random.Shared.Next(0, 5)).Select(_ => RandomRlpItem(depth + 1)).ToList();
        int[] lengths = [0, 1, 1, 2, 55, 56, 57, 300];
        return RandomNumberGenerator.GetBytes(lengths[Random.Shared.Next(lengths.Length)]);
    }

    private static byte[] EncodeRlp(object item) =>
        item is byte[] bytes ? Rlp.EncodeBytes(bytes) : Rlp.EncodeList(((List<object>)item).Select(EncodeRlp));

    private static object RandomAbiValue(string type) => AbiType.Parse(type) switch
    {
        { Kind: AbiKind.Address } => EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(20)),
        { Kind: AbiKind.Bool } => Random.Shared.Next(2) == 1,
        { Kind: AbiKind.UInt, Size: var bits } => RandomInteger(Random.Shared.Next(0, (bits / 8) + 1)),
        { Kind: AbiKind.FixedBytes, Size: var size } => RandomNumberGenerator.GetBytes(size),
        { Kind: AbiKind.Bytes } => RandomNumberGenerator.GetBytes(Random.Shared.Next(0, 100)),
        _ => string.Concat(Enumerable.Range(0, Random.Shared.Next(0, 40)).Select(_ => Letters[Random.Shared.Next(Letters.Length)])),
    };

    private static BigInteger RandomInteger(int bytes) => new(RandomNumberGenerator.GetBytes(bytes), isUnsigned: true, isBigEndian: true);

    private static object ToJson(object value) => value switch
    {
        byte[] bytes => Hex.Encode(bytes),
        List<object> list => list.Select(ToJson).ToArray(),
        BigInteger integer => integer.ToString(CultureInfo.InvariantCulture),
        EthereumAddress address => address.ToString(),
        _ => value,
    };

    // Compares values as text, with hex case folded (ethers checksums addresses, we write lower-case bytes).
    private static string Normalise(object? value) =>
        value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } element ? element.GetBoolean().ToString()
        : value?.ToString() is { } text && text.StartsWith("0x", StringComparison.Ordinal) ? text.ToLowerInvariant()
        : value?.ToString() ?? "";

    private sealed record SignedByEthers(SignedByEthers.Result[] Results)
    {
        public sealed record Result(string Signed, string Hash, string SigningHash);
    }

    private sealed record RlpByEthers(string[] Encoded);

    private sealed record AbiByEthers(string[] Encoded);

    private sealed record AbiDecodedByEthers(JsonElement[][] Decoded);

    private sealed record IdsByEthers(string[] Hashes);
}
