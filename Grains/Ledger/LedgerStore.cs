using System.Text.Json;
using Daarion.Grains.Interfaces.Ledger;
using Npgsql;

namespace Daarion.Grains.Ledger;

/// <summary>The ledger's reads. Every amount comes back at its asset's scale, exactly as the writes answered it.</summary>
public sealed class LedgerStore(NpgsqlDataSource dataSource)
{
    internal async Task<WalletRecord?> FindWalletAsync(Guid walletId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT w.asset, a.scale, w.owner_id, w.is_system, w.overdraft_limit, w.created_at, w.balance, w.held, w.version " +
            "FROM wallets w JOIN assets a ON a.code = w.asset WHERE w.wallet_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = walletId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new WalletRecord(
            walletId,
            reader.GetString(0),
            reader.GetInt16(1),
            reader.GetString(2),
            reader.GetBoolean(3),
            reader.IsDBNull(4) ? null : reader.GetDecimal(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            new WalletState(reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt64(8)));
    }

    /// <summary>The wallet an owner holds in an asset (an owner has at most one per asset), or null.</summary>
    internal async Task<Guid?> FindWalletIdAsync(string ownerId, string asset, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT wallet_id FROM wallets WHERE owner_id = $1 AND asset = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        command.Parameters.Add(new NpgsqlParameter { Value = asset });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    internal async Task<IReadOnlyList<AssetView>> ReadAssetsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT a.code, a.scale, w.wallet_id FROM assets a JOIN wallets w ON w.asset = a.code AND w.is_system ORDER BY a.code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var assets = new List<AssetView>();
        while (await reader.ReadAsync(cancellationToken)) assets.Add(new AssetView(reader.GetString(0), reader.GetInt16(1), reader.GetGuid(2)));
        return assets;
    }

    /// <summary>What was answered to the first request with this key: a journal transaction or a saved outcome.</summary>
    internal async Task<StoredAnswer?> FindAnswerAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT request_hash, kind, transaction_id, NULL::text FROM journal_transactions WHERE idempotency_scope = $1 AND idempotency_key = $2 " +
            "UNION ALL " +
            "SELECT request_hash, operation, NULL::uuid, outcome::text FROM idempotency_records WHERE idempotency_scope = $1 AND idempotency_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredAnswer(
            (byte[])reader[0],
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetGuid(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    public async Task<TransactionView?> GetTransactionAsync(Guid transactionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT t.kind, t.hold_id, t.created_at, t.metadata::text, e.leg, e.wallet_id, e.asset, a.scale, e.amount, e.balance_after " +
            "FROM journal_transactions t JOIN journal_entries e USING (transaction_id) JOIN assets a ON a.code = e.asset " +
            "WHERE t.transaction_id = $1 ORDER BY e.leg");
        command.Parameters.Add(new NpgsqlParameter { Value = transactionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? kind = null, metadata = null;
        Guid? holdId = null;
        DateTimeOffset createdAt = default;
        var entries = new List<EntryView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (kind is null)
            {
                kind = reader.GetString(0);
                holdId = reader.IsDBNull(1) ? null : reader.GetGuid(1);
                createdAt = reader.GetFieldValue<DateTimeOffset>(2);
                metadata = reader.IsDBNull(3) ? null : reader.GetString(3);
            }
            var scale = reader.GetInt16(7);
            entries.Add(new EntryView(reader.GetInt16(4), reader.GetGuid(5), reader.GetString(6),
                Money.AtScale(reader.GetDecimal(8), scale), Money.AtScale(reader.GetDecimal(9), scale)));
        }
        return kind is null ? null : TransactionViews.Create(transactionId, kind, holdId, createdAt, entries, metadata);
    }

    public async Task<HoldView?> GetHoldAsync(Guid holdId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT h.from_wallet_id, h.to_wallet_id, h.asset, a.scale, h.amount, h.status, h.posted_amount, h.transaction_id, " +
            "h.expires_at, h.created_at, h.resolved_at, h.metadata::text FROM holds h JOIN assets a ON a.code = h.asset WHERE h.hold_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = holdId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var scale = reader.GetInt16(3);
        return new HoldView(
            holdId,
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            Money.AtScale(reader.GetDecimal(4), scale),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : Money.AtScale(reader.GetDecimal(6), scale),
            reader.IsDBNull(7) ? null : reader.GetGuid(7),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : JsonDocument.Parse(reader.GetString(11)).RootElement.Clone());
    }

    /// <summary>A wallet's entries, newest first, older than the cursor (an entry id) when one is given.</summary>
    public async Task<WalletEntryPage> ListEntriesAsync(Guid walletId, long? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT e.entry_id, e.transaction_id, t.kind, e.leg, e.amount, e.balance_after, t.created_at, a.scale " +
            "FROM journal_entries e JOIN journal_transactions t USING (transaction_id) JOIN assets a ON a.code = e.asset " +
            "WHERE e.wallet_id = $1 AND e.entry_id < $2 ORDER BY e.entry_id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = walletId });
        command.Parameters.Add(new NpgsqlParameter { Value = before ?? long.MaxValue });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<WalletEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var scale = reader.GetInt16(7);
            items.Add(new WalletEntry(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt16(3),
                Money.AtScale(reader.GetDecimal(4), scale), Money.AtScale(reader.GetDecimal(5), scale), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        if (items.Count <= limit) return new WalletEntryPage(items, null);
        items.RemoveAt(limit);
        return new WalletEntryPage(items, EntryCursor.Format(items[^1].EntryId));
    }

    /// <summary>The projection next to the journal's fold, read in one snapshot; null for an unknown wallet.</summary>
    public async Task<WalletAudit?> AuditAsync(Guid walletId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT w.asset, a.scale, w.balance, w.held, w.version, " +
            "(SELECT coalesce(sum(amount), 0) FROM journal_entries WHERE wallet_id = w.wallet_id), " +
            "(SELECT count(*) FROM journal_entries WHERE wallet_id = w.wallet_id), " +
            "(SELECT balance_after FROM journal_entries WHERE wallet_id = w.wallet_id ORDER BY entry_id DESC LIMIT 1), " +
            "(SELECT coalesce(sum(amount), 0) FROM holds WHERE from_wallet_id = w.wallet_id AND status = 'pending') " +
            "FROM wallets w JOIN assets a ON a.code = w.asset WHERE w.wallet_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = walletId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var scale = reader.GetInt16(1);
        var balance = reader.GetDecimal(2);
        var held = reader.GetDecimal(3);
        var journal = reader.GetDecimal(5);
        decimal? last = reader.IsDBNull(7) ? null : reader.GetDecimal(7);
        var pending = reader.GetDecimal(8);
        var matches = balance == journal && held == pending && (last ?? 0) == balance;
        return new WalletAudit(walletId, reader.GetString(0), Money.AtScale(balance, scale), Money.AtScale(journal, scale),
            last is { } l ? Money.AtScale(l, scale) : null, Money.AtScale(held, scale), Money.AtScale(pending, scale),
            reader.GetInt64(6), reader.GetInt64(4), matches);
    }

    /// <summary>Pending holds past their expiry, oldest first, with the wallet each one holds funds of.</summary>
    internal async Task<IReadOnlyList<(Guid HoldId, Guid FromWalletId)>> FindExpiredHoldsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT hold_id, from_wallet_id FROM holds WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var holds = new List<(Guid, Guid)>();
        while (await reader.ReadAsync(cancellationToken)) holds.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return holds;
    }
}
