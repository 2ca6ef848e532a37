using Daarion.Crypto;

namespace Daarion.Adapters.Evm.Transactions;

/// <summary>A signed transaction in its wire form; its hash is known before any node sees it.</summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;

    internal SignedTransaction(byte[] raw)
    {
        _raw = raw;
        Hash = TransactionHash.FromBytes(Keccak256.Hash(raw));
    }

    /// <summary>The bytes eth_sendRawTransaction takes.</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <summary>Keccak-256 of <see cref="Raw"/>, the hash the node will report.</summary>
    public TransactionHash Hash { get; }

    public override string ToString() => Hex.Encode(_raw);
}
