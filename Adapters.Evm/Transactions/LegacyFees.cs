using System.Numerics;
using System.Text.Json.Nodes;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Transactions;

/// <summary>
/// A gas price, making a legacy (type 0) transaction with EIP-155 replay protection, for chains without EIP-1559:
/// signed over <c>rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])</c>, sent as
/// <c>rlp([nonce, gasPrice, gas, to, value, data, v, r, s])</c> with v = recovery id + 2·chainId + 35.
/// </summary>
/// <param name="GasPrice">The price per gas, in wei.</param>
public sealed record LegacyFees(BigInteger GasPrice) : TransactionFees
{
    public override BigInteger MaxCostPerGas => GasPrice;

    internal override byte[] EncodeForSigning(UnsignedTransaction transaction) =>
        Rlp.EncodeList([.. Fields(transaction), Rlp.EncodeInteger(transaction.ChainId), Rlp.EncodeInteger(0), Rlp.EncodeInteger(0)]);

    internal override byte[] EncodeSigned(UnsignedTransaction transaction, EcdsaSignature signature) =>
        Rlp.EncodeList([.. Fields(transaction), .. SignatureFields(signature.RecoveryId + (2 * new BigInteger(transaction.ChainId)) + 35, signature)]);

    internal override void WriteTo(JsonObject request)
    {
        request["type"] = Quantity.Format(0);
        request["gasPrice"] = Quantity.Format(GasPrice);
    }

    private IEnumerable<byte[]> Fields(UnsignedTransaction transaction) =>
        [Rlp.EncodeInteger(transaction.Nonce), Rlp.EncodeInteger(GasPrice), .. transaction.GasToValueData()];
}
