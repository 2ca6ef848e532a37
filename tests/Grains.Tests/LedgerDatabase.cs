using Daarion.Grains.Interfaces.Ledger;
using Npgsql;

namespace Daarion.Grains.Tests;

/// <summary>
/// A fresh migrated database holding a small valid ledger written by the ledger service, for tests that attack it with
/// SQL written by hand. KWT wallets: Alice (balance 90, 5 held by a pending hold, no overdraft) and Bob (110), after a
/// transfer of 10 and a voided hold; USD wallet Carol (0). Statements may name these rows as {alice}, {bob}, {carol},
/// {system} (the KWT system wallet), {transfer}, {pending}, {voided}, and {new} for a fresh id.
/// </summary>
internal sealed class LedgerDatabase
{
    private const string SnapshotSql = """
        SELECT string_agg(format('%s: %s rows, %s', name, rows, digest), E'\n' ORDER BY name)
            || E'\n' || (SELECT string_agg(format('%s %s held %s', owner_id, balance, held), ', ' ORDER BY owner_id, asset) FROM wallets)
        FROM (
            SELECT 'assets' AS name, count(*) AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM assets t
            UNION ALL SELECT 'wallets', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM wallets t
            UNION ALL SELECT 'journal_transactions', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM journal_transactions t
            UNION ALL SELECT 'journal_entries', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM journal_entries t
            UNION ALL SELECT 'holds', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM holds t
            UNION ALL SELECT 'idempotency_records', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM idempotency_records t
            UNION ALL SELECT 'outbox_event_log', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM outbox_event_log t
        ) s
        """;

    private readonly Dictionary<string, Guid> _names;

    private LedgerDatabase(string connectionString, Dictionary<string, Guid> names)
    {
        ConnectionString = connectionString;
        _names = names;
    }

    public string ConnectionString { get; }

    public static async Task<LedgerDatabase> CreateAsync()
    {
        await using var ledger = await TestLedger.StartAsync();
        var alice = await ledger.WalletAsync(balance: 100);
        var bob = await ledger.WalletAsync(balance: 100);
        var carol = await ledger.WalletAsync("USD");
        var transfer = (await ledger.TransferAsync(alice, bob, 10)).Value!.TransactionId;
        var pending = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(alice, bob, 5, null, null))).Value!.HoldId;
        var voided = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(alice, bob, 1, null, null))).Value!.HoldId;
        Assert.Null((await ledger.Ledger.VoidHoldAsync(ledger.Request(), voided)).Error);
        var system = await ledger.ScalarAsync<Guid>("SELECT wallet_id FROM wallets WHERE is_system AND asset = 'KWT'");
        return new LedgerDatabase(ledger.ConnectionString, new()
        {
            ["{alice}"] = alice, ["{bob}"] = bob, ["{carol}"] = carol, ["{system}"] = system,
            ["{transfer}"] = transfer, ["{pending}"] = pending, ["{voided}"] = voided,
        });
    }

    /// <summary>A journal row of a transfer under a new idempotency key, alone (refused: a transaction comes with its entries).</summary>
    public static string JournalRow(string id) =>
        "INSERT INTO journal_transactions (transaction_id, kind, idempotency_scope, idempotency_key, request_hash, actor, created_at) " +
        $"VALUES ('{id}', 'transfer', 'by-hand', 'key-{id}', '\\x00', 'by-hand', now())";

    /// <summary>A transfer's journal row and its entries in one statement, as the ledger writes them.</summary>
    public static string Journal(string id, params (string Wallet, string Asset, decimal Amount)[] legs) =>
        $"WITH t AS ({JournalRow(id)}) {Entries(id, 0, legs)}";

    /// <summary>
    /// Entries of transaction <paramref name="id"/> (one statement), legs numbered from <paramref name="firstLeg"/>, each
    /// balance_after being the wallet's current balance plus the amount (right when each wallet has one leg).
    /// </summary>
    public static string Entries(string id, int firstLeg, params (string Wallet, string Asset, decimal Amount)[] legs) =>
        "INSERT INTO journal_entries (transaction_id, leg, wallet_id, asset, amount, balance_after) VALUES " +
        string.Join(", ", legs.Select((l, i) => FormattableString.Invariant(
            $"('{id}', {firstLeg + i}, '{l.Wallet}', '{l.Asset}', {l.Amount}, coalesce((SELECT balance FROM wallets WHERE wallet_id = '{l.Wallet}'), 0) + {l.Amount})")));

    /// <summary>Runs the statements in one transaction and commits it.</summary>
    public async Task ExecuteAsync(params string[] statements)
    {
        var fresh = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(Expand(statement, fresh), connection, transaction);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Expand(sql, Guid.NewGuid()), connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private string Expand(string sql, Guid fresh) =>
        _names.Append(new("{new}", fresh)).Aggregate(sql, (s, name) => s.Replace(name.Key, name.Value.ToString(), StringComparison.Ordinal));

    /// <summary>Row counts and digests of every ledger table and the outbox, and each wallet's balance and held.</summary>
    public Task<string> SnapshotAsync() => ScalarAsync<string>(SnapshotSql);

    /// <summary>
    /// Asserts that the statements, run in one transaction, are refused with <paramref name="sqlState"/> (any refusal when
    /// null) and that the database reads exactly as before.
    /// </summary>
    public async Task<PostgresException> AssertRefusedAsync(string? sqlState, params string[] statements)
    {
        var before = await SnapshotAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(statements));
        if (sqlState is not null) Assert.Equal(sqlState, error.SqlState);
        Assert.Equal(before, await SnapshotAsync());
        return error;
    }
}
