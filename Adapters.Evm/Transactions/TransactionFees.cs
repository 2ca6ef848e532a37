using System.Numerics;
using System.Text.Json.Nodes;
using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Transactions;

/// <summary>How a transaction pays for gas, which also fixes its type and wire format.</summary>
public abstract record TransactionFees
{
    private protected TransactionFees()
    {
    }

    /// <summary>The most the sender can pay per gas, in wei.</summary>
    public abstract BigInteger MaxCostPerGas { get; }

    internal abstract byte[] EncodeForSigning(UnsignedTransaction transaction);

    internal abstract byte[] EncodeSigned(UnsignedTransaction transaction, EcdsaSignature signature);

    /// <summary>Adds the type and fee members of an eth_sendTransaction request.</summary>
    internal abstract void WriteTo(JsonObject request);

    // r and s are RLP integers: a leading zero byte of their 32-byte form is dropped.
    private protected static IEnumerable<byte[]> SignatureFields(BigInteger v, EcdsaSignature signature) =>
    [
        Rlp.EncodeInteger(v),
        Rlp.EncodeInteger(UnsignedBigEndian.FromBytes(signature.R)),
        Rlp.EncodeInteger(UnsignedBigEndian.FromBytes(signature.S)),
    ];
}
