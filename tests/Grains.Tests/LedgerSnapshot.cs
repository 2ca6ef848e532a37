using Npgsql;

namespace Daarion.Grains.Tests;

/// <summary>
/// What the ledger's tables say at one moment, read in one statement: the invariants no model is needed for, and the
/// counts and hold states a model compares with.
/// </summary>
internal sealed record LedgerSnapshot(
    long UnbalancedAssets,
    long UnbalancedTransactions,
    long OverdrawnWallets,
    long JournalTransactions,
    long IdempotencyRecords,
    long UserWallets,
    IReadOnlyList<Guid> WalletIds,
    IReadOnlyDictionary<Guid, string> HoldStatuses)
{
    /// <summary>Keys with a saved answer: a journal transaction carries its key, other answers are idempotency records.</summary>
    public long SavedAnswers => JournalTransactions + IdempotencyRecords;

    public static async Task<LedgerSnapshot> ReadAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT
                (SELECT count(*) FROM (SELECT asset FROM wallets GROUP BY asset HAVING sum(balance) <> 0) a),
                (SELECT count(*) FROM (SELECT transaction_id FROM journal_entries GROUP BY transaction_id, asset HAVING sum(amount) <> 0) t),
                (SELECT count(*) FROM wallets WHERE balance - held < -overdraft_limit),
                (SELECT count(*) FROM journal_transactions),
                (SELECT count(*) FROM idempotency_records),
                (SELECT count(*) FROM wallets WHERE NOT is_system),
                ARRAY(SELECT wallet_id FROM wallets),
                ARRAY(SELECT hold_id FROM holds ORDER BY hold_id),
                ARRAY(SELECT status FROM holds ORDER BY hold_id)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LedgerSnapshot(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetFieldValue<Guid[]>(6),
            reader.GetFieldValue<Guid[]>(7).Zip(reader.GetFieldValue<string[]>(8)).ToDictionary(h => h.First, h => h.Second));
    }

    /// <summary>Conservation per asset (system wallets included), balanced transactions, overdraft limits; null when they hold.</summary>
    public string? InvariantProblem() =>
        UnbalancedAssets > 0 ? $"the balances of {UnbalancedAssets} asset(s) do not sum to zero"
        : UnbalancedTransactions > 0 ? $"the entries of {UnbalancedTransactions} journal transaction(s) do not sum to zero per asset"
        : OverdrawnWallets > 0 ? $"{OverdrawnWallets} wallet(s) are below their overdraft limit"
        : null;
}
