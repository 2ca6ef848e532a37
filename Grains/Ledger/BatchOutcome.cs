namespace Daarion.Grains.Ledger;

/// <summary>
/// What the database answered for one group: the operations it skipped (by index, with the reason) and the state of
/// every wallet it changed. <see cref="Failure"/> is set when nothing was written (<see cref="OutcomeKnown"/>) or
/// when the connection broke and nobody knows.
/// </summary>
internal sealed record BatchOutcome(
    IReadOnlyDictionary<int, string> Skipped,
    IReadOnlyDictionary<Guid, ChangedWallet> Wallets,
    Exception? Failure = null,
    bool OutcomeKnown = true)
{
    public static BatchOutcome NotWritten(Exception failure) => new(new Dictionary<int, string>(), new Dictionary<Guid, ChangedWallet>(), failure);

    public static BatchOutcome Unknown(Exception failure) => new(new Dictionary<int, string>(), new Dictionary<Guid, ChangedWallet>(), failure, OutcomeKnown: false);
}
