namespace Daarion.Adapters.Evm.Codec;

/// <summary>The Solidity ABI types this client encodes: what a payout settlement and an ERC-20 need.</summary>
public enum AbiKind
{
    Address,
    Bool,

    /// <summary><c>uint8</c> … <c>uint256</c>.</summary>
    UInt,

    /// <summary><c>bytes1</c> … <c>bytes32</c>.</summary>
    FixedBytes,

    /// <summary>Dynamic <c>bytes</c>.</summary>
    Bytes,

    /// <summary>Dynamic UTF-8 <c>string</c>.</summary>
    String,
}
