using System.Globalization;
using System.Text.RegularExpressions;
using Daarion.Hosting;
using Npgsql;

namespace Daarion.Ledger.Bench;

/// <summary>
/// The one-SQL-transaction-per-transfer baselines, driven by pgbench on the same PostgreSQL server: the plain schema
/// of PLATFORM.md, and the ledger's own schema (same triggers, same rows as the API writes).
/// </summary>
public static partial class Baselines
{
    public static async Task<PgbenchResult> PlainAsync(PostgresServer server, BenchOptions options)
    {
        var database = await server.CreateDatabaseAsync("baseline_plain");
        await ExecuteAsync(database, $"""
            CREATE TABLE plain_balances (id int PRIMARY KEY, balance numeric(28,12) NOT NULL CHECK (balance >= 0));
            CREATE TABLE plain_transactions (id uuid PRIMARY KEY, idempotency_key text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE plain_entries (transaction_id uuid NOT NULL REFERENCES plain_transactions, leg smallint NOT NULL,
                account_id int NOT NULL REFERENCES plain_balances, amount numeric(28,12) NOT NULL, PRIMARY KEY (transaction_id, leg));
            CREATE TABLE plain_outbox (id bigserial PRIMARY KEY, subject text NOT NULL, payload jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
            INSERT INTO plain_balances SELECT g, {WalletSeeder.OpeningBalance} FROM generate_series(1, {options.Wallets}) g;
            ANALYZE;
            """);
        return await PgbenchAsync(database, "baseline-plain.sql", options.BaselineClients, options);
    }

    public static async Task<PgbenchResult> LedgerSchemaAsync(PostgresServer server, BenchOptions options)
    {
        var database = await server.CreateDatabaseAsync("baseline_ledger");
        await SeedLedgerSchemaAsync(database, options);
        return await PgbenchAsync(database, "baseline-ledger.sql", options.BaselineClients, options);
    }

    /// <summary>The ledger's schema with one KWT wallet per bench_ids.n (1..wallets), each opened with the same balance.</summary>
    public static async Task SeedLedgerSchemaAsync(string database, BenchOptions options)
    {
        await SqlMigrations.ApplyAsync(database);
        var total = WalletSeeder.OpeningBalance * options.Wallets;
        await ExecuteAsync(database, $"""
            CREATE TABLE bench_ids (n int PRIMARY KEY, wallet_id uuid NOT NULL);
            INSERT INTO bench_ids SELECT g, gen_random_uuid() FROM generate_series(1, {options.Wallets}) g;
            INSERT INTO wallets (wallet_id, asset, owner_id, overdraft_limit) SELECT wallet_id, 'KWT', 'bench-' || n, 0 FROM bench_ids;
            WITH t AS (
                INSERT INTO journal_transactions (transaction_id, kind, idempotency_scope, idempotency_key, request_hash, actor, created_at)
                VALUES (gen_random_uuid(), 'adjustment', 'baseline', 'opening-balances', '\x00', 'user:bench', now()) RETURNING transaction_id)
            INSERT INTO journal_entries (transaction_id, leg, wallet_id, asset, amount, balance_after)
            SELECT t.transaction_id, 0, s.wallet_id, 'KWT', -{total}, s.balance - {total} FROM t, wallets s WHERE s.is_system AND s.asset = 'KWT'
            UNION ALL
            SELECT t.transaction_id, i.n, i.wallet_id, 'KWT', {WalletSeeder.OpeningBalance}, {WalletSeeder.OpeningBalance} FROM t, bench_ids i;
            ANALYZE;
            """);
    }

    /// <summary>
    /// Runs a pgbench script (in this directory) for the run's seconds; :wallets is the number of wallets, and each of
    /// <paramref name="variables"/> ("name=value") defines one more.
    /// </summary>
    public static async Task<PgbenchResult> PgbenchAsync(string connectionString, string script, int clients, BenchOptions options, params string[] variables)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = connection.Password ?? "" };
        var output = await Tool.RunAsync("pgbench", [
            "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!,
            "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(2, clients).ToString(CultureInfo.InvariantCulture),
            "-T", options.Seconds.ToString(CultureInfo.InvariantCulture), "-D", $"wallets={options.Wallets}",
            .. variables.SelectMany(v => new[] { "-D", v }), "-f", Path.Combine(AppContext.BaseDirectory, script), connection.Database!], environment);
        return new PgbenchResult(
            double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(AverageLatency().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(Failed().Match(output) is { Success: true } m ? m.Groups[1].Value : "0", CultureInfo.InvariantCulture));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([\d.]+) ms")]
    private static partial Regex AverageLatency();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex Failed();
}
