using Npgsql;
using NpgsqlTypes;

namespace Daarion.Grains.Ledger;

/// <summary>Turns a group of operations into one call of <c>ledger_commit</c> and reads its answer.</summary>
internal static class LedgerBatch
{
    private const string CommandText =
        "SELECT op, outcome, wallet_id, owner_id, asset, scale, balance, held, version FROM ledger_commit(" +
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";

    public static NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerOperation> operations)
    {
        var command = new NpgsqlCommand(CommandText, connection, transaction);
        var p = command.Parameters;
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Kind));
        Add(p, NpgsqlDbType.Uuid, operations.Select(o => o.Id));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Idempotency?.Scope));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Idempotency?.Key));
        Add(p, NpgsqlDbType.Bytea, operations.Select(o => o.Idempotency?.RequestHash));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Operation));
        Add(p, NpgsqlDbType.Uuid, operations.Select(o => o.HoldId));
        Add(p, NpgsqlDbType.Uuid, operations.Select(o => o.WalletId));
        Add(p, NpgsqlDbType.Uuid, operations.Select(o => o.CounterpartyId));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Asset));
        Add(p, NpgsqlDbType.Numeric, operations.Select(o => o.Amount));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.OwnerId));
        Add(p, NpgsqlDbType.TimestampTz, operations.Select(o => o.CreatedAt.UtcDateTime));
        Add(p, NpgsqlDbType.TimestampTz, operations.Select(o => o.ExpiresAt?.UtcDateTime));
        Add(p, NpgsqlDbType.Json, operations.Select(o => o.Metadata));
        Add(p, NpgsqlDbType.Text, operations.Select(o => o.Actor));
        Add(p, NpgsqlDbType.Jsonb, operations.Select(o => o.Outcome));

        var entries = operations.SelectMany((o, i) => o.Entries.Select((e, leg) => (Op: i + 1, Leg: (short)leg, Entry: e))).ToList();
        Add(p, NpgsqlDbType.Integer, entries.Select(e => e.Op));
        Add(p, NpgsqlDbType.Smallint, entries.Select(e => e.Leg));
        Add(p, NpgsqlDbType.Uuid, entries.Select(e => e.Entry.WalletId));
        Add(p, NpgsqlDbType.Text, entries.Select(e => e.Entry.Asset));
        Add(p, NpgsqlDbType.Numeric, entries.Select(e => e.Entry.Amount));

        return command;
    }

    /// <summary>Reads the skipped operations (0-based index → reason) and the changed wallets.</summary>
    public static async Task<BatchOutcome> ReadAsync(NpgsqlDataReader reader)
    {
        var skipped = new Dictionary<int, string>();
        var wallets = new Dictionary<Guid, ChangedWallet>();
        while (await reader.ReadAsync())
        {
            if (reader.IsDBNull(0))
            {
                wallets[reader.GetGuid(2)] = new ChangedWallet(reader.GetString(3), reader.GetString(4), reader.GetInt16(5),
                    new WalletState(reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt64(8)));
            }
            else
            {
                skipped[reader.GetInt32(0) - 1] = reader.GetString(1);
            }
        }
        return new BatchOutcome(skipped, wallets);
    }

    private static void Add<T>(NpgsqlParameterCollection parameters, NpgsqlDbType type, IEnumerable<T> values) =>
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() });
}
