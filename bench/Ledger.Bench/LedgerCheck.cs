using Npgsql;

namespace Daarion.Ledger.Bench;

/// <summary>
/// After the load: the KWT balances (system wallet included) still sum to zero, every wallet's projection equals
/// the fold of its journal, and how many of wrk's transfers the journal holds (each request had its own key).
/// </summary>
public sealed record LedgerCheck(decimal AssetSum, long ProjectionMismatches, long UniformTransfers, long HotTransfers)
{
    public bool Holds => AssetSum == 0 && ProjectionMismatches == 0;

    public static async Task<LedgerCheck> RunAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT sum(balance) FROM wallets WHERE asset = 'KWT'),
                   (SELECT count(*) FROM wallets w
                    WHERE w.balance <> coalesce((SELECT sum(amount) FROM journal_entries e WHERE e.wallet_id = w.wallet_id), 0)),
                   (SELECT count(*) FROM journal_transactions WHERE idempotency_key LIKE 'wrk-uniform-%'),
                   (SELECT count(*) FROM journal_transactions WHERE idempotency_key LIKE 'wrk-hot-%')
            """, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LedgerCheck(reader.GetDecimal(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
