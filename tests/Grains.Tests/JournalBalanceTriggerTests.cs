using Npgsql;
using static Daarion.Grains.Tests.LedgerDatabase;

namespace Daarion.Grains.Tests;

/// <summary>
/// Every journal transaction has a journal row and at least two entries, all written by one statement, summing to zero
/// per asset, each in its wallet's asset; idempotency keys are unique.
/// </summary>
public sealed class JournalBalanceTriggerTests
{
    [Fact]
    public async Task BalancedTransactionWrittenByHand_IsAccepted_AndMovesTheProjection()
    {
        var db = await CreateAsync();

        await db.ExecuteAsync(Journal("{new}", ("{alice}", "KWT", -1), ("{bob}", "KWT", 1)));

        Assert.Equal(89m, await db.ScalarAsync<decimal>("SELECT balance FROM wallets WHERE wallet_id = '{alice}'"));
        // The projection still equals the journal's fold and each wallet's last balance_after.
        Assert.True(await db.ScalarAsync<bool>(
            "SELECT bool_and(balance = (SELECT sum(amount) FROM journal_entries e WHERE e.wallet_id = w.wallet_id) " +
            "AND balance = (SELECT balance_after FROM journal_entries e WHERE e.wallet_id = w.wallet_id ORDER BY entry_id DESC LIMIT 1)) " +
            "FROM wallets w WHERE wallet_id IN ('{alice}', '{bob}')"));
    }

    [Theory]
    [InlineData("{bob}", "KWT", 4)]
    [InlineData("{carol}", "USD", 5)] // zero in total, not per asset
    public async Task EntriesThatDoNotSumToZeroPerAsset_AreRefused_AndChangeNothing(string credited, string creditAsset, int credit) =>
        await (await CreateAsync()).AssertRefusedAsync("DA004",
            Journal("{new}", ("{alice}", "KWT", -5), (credited, creditAsset, credit)));

    [Fact]
    public async Task TransactionWithOneEntry_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA003", Journal("{new}", ("{alice}", "KWT", -5)));

    [Fact]
    public async Task TransactionWhoseEntriesAreWrittenByTwoStatements_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA003",
            Journal("{new}", ("{alice}", "KWT", -5)), Entries("{new}", 1, ("{bob}", "KWT", 5)));

    [Fact]
    public async Task EntriesOfATransactionWithoutJournalRow_AreRefused_AndChangeNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA003", Entries("{new}", 0, ("{alice}", "KWT", -5), ("{bob}", "KWT", 5)));

    [Fact]
    public async Task ThirdEntryAppendedToACommittedTransaction_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA003", Entries("{transfer}", 2, ("{alice}", "KWT", -5)));

    [Fact]
    public async Task BalancedPairAppendedToACommittedTransaction_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA003", Entries("{transfer}", 2, ("{alice}", "KWT", -5), ("{bob}", "KWT", 5)));

    [Fact]
    public async Task EntryInAnotherAssetThanItsWallet_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA005",
            Journal("{new}", ("{alice}", "USD", -5), ("{carol}", "USD", 5)));

    [Fact]
    public async Task EntryForAWalletThatDoesNotExist_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA005",
            Journal("{new}", ("{alice}", "KWT", -5), (Guid.NewGuid().ToString(), "KWT", 5)));

    [Fact]
    public async Task EntryOfZero_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23514",
            Journal("{new}", ("{alice}", "KWT", -5), ("{bob}", "KWT", 5), ("{bob}", "KWT", 0)));

    [Fact]
    public async Task JournalRowWithoutEntries_IsRefused_AndChangesNothing()
    {
        var db = await CreateAsync();
        var before = await db.SnapshotAsync();
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // A transaction and its entries are written by one statement: the row alone is refused when its statement ends.
        await using var insert = new NpgsqlCommand(JournalRow(Guid.NewGuid().ToString()), connection, transaction);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal("DA003", error.SqlState);
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Fact]
    public async Task JournalRowReusingAnIdempotencyKey_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23505",
            "WITH t AS (INSERT INTO journal_transactions SELECT '{new}', kind, idempotency_scope, idempotency_key, '\\x01', hold_id, metadata, actor, now() " +
            "FROM journal_transactions WHERE transaction_id = '{transfer}') " + Entries("{new}", 0, ("{alice}", "KWT", -1), ("{bob}", "KWT", 1)));

    [Fact]
    public async Task IdempotencyRecordReusingAKey_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23505",
            "INSERT INTO idempotency_records SELECT idempotency_scope, idempotency_key, '\\x01', operation, '{}', now() FROM idempotency_records LIMIT 1");

    [Fact]
    public async Task IdempotencyRecordReusingAJournalTransactionsKey_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23505",
            "INSERT INTO idempotency_records SELECT idempotency_scope, idempotency_key, request_hash, 'hold_create', '{}', now() " +
            "FROM journal_transactions WHERE transaction_id = '{transfer}'");

    [Fact]
    public async Task JournalTransactionReusingARecordsKey_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23505",
            "WITH t AS (INSERT INTO journal_transactions (transaction_id, kind, idempotency_scope, idempotency_key, request_hash, actor, created_at) " +
            "SELECT '{new}', 'transfer', idempotency_scope, idempotency_key, '\\x00', 'by-hand', now() FROM idempotency_records LIMIT 1) " +
            Entries("{new}", 0, ("{alice}", "KWT", -1), ("{bob}", "KWT", 1)));

    [Fact]
    public async Task EntriesThatOverdrawAWalletWithoutOverdraft_AreRefused_AndChangeNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("23514",
            Journal("{new}", ("{alice}", "KWT", -1000), ("{bob}", "KWT", 1000)));

    [Fact]
    public async Task EntriesWithMoreDecimalsThanTheirAsset_AreRefused_AndChangeNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA006",
            Journal("{new}", ("{alice}", "KWT", -0.0000001m), ("{bob}", "KWT", 0.0000001m)));

    [Fact]
    public async Task EntryWhoseBalanceAfterDoesNotContinueTheWallet_IsRefused_AndChangesNothing() =>
        await (await CreateAsync()).AssertRefusedAsync("DA007",
            $"WITH t AS ({JournalRow("{new}")}) INSERT INTO journal_entries (transaction_id, leg, wallet_id, asset, amount, balance_after) VALUES " +
            "('{new}', 0, '{alice}', 'KWT', -1, 1000), ('{new}', 1, '{bob}', 'KWT', 1, 111)");
}
