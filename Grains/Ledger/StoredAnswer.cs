namespace Daarion.Grains.Ledger;

/// <summary>
/// The saved answer to an idempotency key: the request hash it was first used with and either the journal
/// transaction it made or the outcome saved for it (JSON), under the operation's name.
/// </summary>
internal sealed record StoredAnswer(byte[] RequestHash, string Operation, Guid? TransactionId, string? Outcome);
