using System.Numerics;
using System.Text.Json.Nodes;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Transactions;

/// <summary>
/// EIP-1559 fees, making a type 2 transaction in its EIP-2718 envelope: <c>0x02 ‖ rlp([chainId, nonce,
/// maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList, yParity, r, s])</c>, the access list empty.
/// </summary>
/// <param name="MaxFeePerGas">The most paid per gas in all (base fee + tip), in wei.</param>
/// <param name="MaxPriorityFeePerGas">The tip per gas to the block producer, in wei.</param>
public sealed record Eip1559Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas) : TransactionFees
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte Type = 0x02;

    public override BigInteger MaxCostPerGas => MaxFeePerGas;

    internal override byte[] EncodeForSigning(UnsignedTransaction transaction) => [Type, .. Rlp.EncodeList(Fields(transaction))];

    internal override byte[] EncodeSigned(UnsignedTransaction transaction, EcdsaSignature signature) =>
        [Type, .. Rlp.EncodeList([.. Fields(transaction), .. SignatureFields(signature.RecoveryId, signature)])];

    internal override void WriteTo(JsonObject request)
    {
        request["type"] = Quantity.Format(Type);
        request["maxFeePerGas"] = Quantity.Format(MaxFeePerGas);
        request["maxPriorityFeePerGas"] = Quantity.Format(MaxPriorityFeePerGas);
    }

    private IEnumerable<byte[]> Fields(UnsignedTransaction transaction)
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new InvalidOperationException("MaxPriorityFeePerGas exceeds MaxFeePerGas; every node refuses that.");
        return
        [
            Rlp.EncodeInteger(transaction.ChainId),
            Rlp.EncodeInteger(transaction.Nonce),
            Rlp.EncodeInteger(MaxPriorityFeePerGas),
            Rlp.EncodeInteger(MaxFeePerGas),
            .. transaction.GasToValueData(),
            Rlp.EncodeList(),
        ];
    }
}
