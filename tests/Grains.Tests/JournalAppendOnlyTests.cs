namespace Daarion.Grains.Tests;

/// <summary>The journal and the answered idempotency records are append-only; wallets, holds and assets are never removed.</summary>
public sealed class JournalAppendOnlyTests
{
    private const string AppendOnly = "DA001";

    [Theory]
    [InlineData("UPDATE journal_transactions SET actor = 'mallory' WHERE transaction_id = '{transfer}'")]
    [InlineData("UPDATE journal_transactions SET actor = actor")] // even a change that changes nothing
    [InlineData("DELETE FROM journal_transactions WHERE transaction_id = '{transfer}'")]
    [InlineData("TRUNCATE journal_transactions CASCADE")]
    [InlineData("TRUNCATE journal_transactions")]
    [InlineData("INSERT INTO journal_transactions SELECT * FROM journal_transactions WHERE transaction_id = '{transfer}' " +
                "ON CONFLICT (transaction_id) DO UPDATE SET actor = 'mallory'")]
    public async Task UpdateDeleteOrTruncateOfJournalTransactions_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(AppendOnly, sql);

    [Theory]
    [InlineData("UPDATE journal_entries SET amount = -amount WHERE transaction_id = '{transfer}'")]
    [InlineData("UPDATE journal_entries SET balance_after = 0 WHERE wallet_id = '{alice}'")]
    [InlineData("DELETE FROM journal_entries WHERE transaction_id = '{transfer}'")]
    [InlineData("TRUNCATE journal_entries")]
    [InlineData("MERGE INTO journal_entries e USING wallets w ON e.wallet_id = w.wallet_id WHEN MATCHED THEN DELETE")]
    public async Task UpdateDeleteOrTruncateOfJournalEntries_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(AppendOnly, sql);

    [Theory]
    [InlineData("UPDATE idempotency_records SET outcome = '{}'")]
    [InlineData("DELETE FROM idempotency_records")]
    [InlineData("TRUNCATE idempotency_records")]
    public async Task UpdateDeleteOrTruncateOfIdempotencyRecords_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(AppendOnly, sql);

    [Theory]
    [InlineData("DELETE FROM wallets WHERE wallet_id = '{carol}'")]
    [InlineData("TRUNCATE wallets CASCADE")]
    [InlineData("DELETE FROM holds WHERE hold_id = '{voided}'")]
    [InlineData("TRUNCATE holds")]
    [InlineData("DELETE FROM assets WHERE code = 'RINGK'")]
    [InlineData("TRUNCATE assets CASCADE")]
    public async Task DeleteOrTruncateOfWalletsHoldsOrAssets_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(AppendOnly, sql);

    [Theory]
    [InlineData("TRUNCATE wallets")]
    [InlineData("TRUNCATE assets")]
    public async Task TruncateOfAReferencedLedgerTable_WithoutCascade_IsRefusedByItsForeignKeys_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync("0A000", sql);

    [Fact]
    public async Task DeleteOfAnAssetNoWalletUses_IsRefused_AndChangesNothing()
    {
        var db = await LedgerDatabase.CreateAsync();
        await db.ExecuteAsync("INSERT INTO assets (code, scale) VALUES ('UNUSED', 2)");

        await db.AssertRefusedAsync(AppendOnly, "DELETE FROM assets WHERE code = 'UNUSED'");
    }
}
