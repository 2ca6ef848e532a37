using System.Numerics;
using Daarion.Adapters.Evm.Codec;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Transactions;

/// <summary>
/// A transaction before signing. <see cref="Fees"/> decides its type: <see cref="Eip1559Fees"/> makes an EIP-1559
/// (type 2) transaction, <see cref="LegacyFees"/> a legacy EIP-155 one; the rest is common to both.
/// </summary>
public sealed class UnsignedTransaction
{
    /// <summary>Bound into the signature (EIP-155 / EIP-1559), so the transaction is void on every other chain.</summary>
    public required ulong ChainId { get; init; }

    public required ulong Nonce { get; init; }

    public required ulong GasLimit { get; init; }

    public required TransactionFees Fees { get; init; }

    /// <summary>The recipient or contract called; null creates a contract from <see cref="Data"/>.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>Ether sent along, in wei.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Calldata, or the init code when creating a contract.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The Keccak-256 hash the sender signs.</summary>
    public byte[] SigningHash() => Keccak256.Hash(Fees.EncodeForSigning(this));

    /// <summary>Signs with <paramref name="key"/>; the result is what eth_sendRawTransaction takes.</summary>
    public SignedTransaction Sign(EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SignedTransaction(Fees.EncodeSigned(this, key.SignHash(SigningHash())));
    }

    // gas, to, value, data: in this order in every transaction type, right after the fee fields.
    internal IEnumerable<byte[]> GasToValueData() =>
    [
        Rlp.EncodeInteger(GasLimit),
        Rlp.EncodeBytes(To is null ? [] : To.ToArray()),
        Rlp.EncodeInteger(Value),
        Rlp.EncodeBytes(Data.Span),
    ];
}
