namespace Daarion.Adapters.Evm;

/// <summary>
/// The transaction was not mined, or not confirmed deep enough, within the receipt timeout. It may still be mined:
/// keep its hash and wait again later rather than sending a new transaction.
/// </summary>
public sealed class EvmReceiptTimeoutException(TransactionHash hash, TimeSpan timeout, ulong? minedInBlock)
    : EvmTimeoutException(minedInBlock is null
        ? $"{hash} was not mined within {timeout}."
        : $"{hash} was mined in block {minedInBlock} but not confirmed deep enough within {timeout}.")
{
    public TransactionHash Hash { get; } = hash;

    /// <summary>The block the transaction was last seen in, if it was mined at all.</summary>
    public ulong? MinedInBlock { get; } = minedInBlock;
}
