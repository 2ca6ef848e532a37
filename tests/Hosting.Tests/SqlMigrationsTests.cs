using Xunit;

using Daarion.Testing;

namespace Daarion.Hosting.Tests;

public sealed class SqlMigrationsTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly SqlMigration CreateAccounts = new("0001_accounts", """
        CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);
        CREATE FUNCTION touch() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;
        """);

    private static readonly SqlMigration SeedAccounts = new("0002_seed", "INSERT INTO accounts VALUES (1, 10), (2, 20);");

    [Fact]
    public async Task ApplyAsync_AppliesInIdOrderAndRecordsChecksums()
    {
        var db = await postgres.CreateDatabaseAsync();

        // Given out of order: the seed only works after the table exists.
        var applied = await SqlMigrations.ApplyAsync(db, [SeedAccounts, CreateAccounts]);

        Assert.Equal(["0001_accounts", "0002_seed"], applied);
        Assert.Equal(30m, await Sql.ScalarAsync<decimal>(db, "SELECT sum(balance) FROM accounts"));
        Assert.Equal(
            [$"0001_accounts {CreateAccounts.Checksum}", $"0002_seed {SeedAccounts.Checksum}"],
            await Sql.ColumnAsync(db, "SELECT id || ' ' || checksum FROM schema_migrations ORDER BY id"));
        Assert.Matches("^[0-9a-f]{64}$", CreateAccounts.Checksum);
    }

    [Fact]
    public async Task ApplyAsync_CalledAgain_AppliesOnlyNewMigrations()
    {
        var db = await postgres.CreateDatabaseAsync();
        await SqlMigrations.ApplyAsync(db, [CreateAccounts, SeedAccounts]);

        var again = await SqlMigrations.ApplyAsync(db, [CreateAccounts, SeedAccounts]);
        var withNew = await SqlMigrations.ApplyAsync(db, [CreateAccounts, SeedAccounts, new("0003_more", "INSERT INTO accounts VALUES (3, 30);")]);

        Assert.Empty(again);
        Assert.Equal(["0003_more"], withNew);
        Assert.Equal(3L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task ApplyAsync_WhenAppliedMigrationWasEdited_ThrowsNamingItAndAppliesNothing()
    {
        var db = await postgres.CreateDatabaseAsync();
        await SqlMigrations.ApplyAsync(db, [CreateAccounts]);
        var edited = CreateAccounts with { Sql = CreateAccounts.Sql + "\n-- edited" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlMigrations.ApplyAsync(db, [edited, SeedAccounts]));

        Assert.Contains("'0001_accounts' was edited after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task ApplyAsync_WhenMigrationFails_LeavesNothingOfItAndDoesNotRecordIt()
    {
        var db = await postgres.CreateDatabaseAsync();
        var failing = new SqlMigration("0002_broken", "CREATE TABLE half_done (v int); INSERT INTO accounts VALUES (1, 1/0);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlMigrations.ApplyAsync(db, [CreateAccounts, failing]));

        Assert.Contains("'0002_broken'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"));
        Assert.Equal(["0001_accounts"], await Sql.ColumnAsync(db, "SELECT id FROM schema_migrations"));
        Assert.Equal(["0002_seed"], await SqlMigrations.ApplyAsync(db, [CreateAccounts, SeedAccounts with { Id = "0002_seed" }]));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentCallers_ApplyEachMigrationExactlyOnce()
    {
        var db = await postgres.CreateDatabaseAsync();
        // CREATE TABLE without IF NOT EXISTS fails if applied twice; the sleep widens the race window.
        var migrations = Enumerable.Range(1, 6)
            .Select(i => new SqlMigration($"000{i}_table", $"CREATE TABLE t{i} (v int); SELECT pg_sleep(0.05);"))
            .ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqlMigrations.ApplyAsync(db, migrations))));

        Assert.Equal(migrations.Select(m => m.Id), results.SelectMany(ids => ids).Order(StringComparer.Ordinal));
        Assert.Equal(6L, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void Embedded_HoldsTheRepositorySqlFilesInIdOrder()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "sql"), "*.sql")
            .Select(file => (Id: Path.GetFileNameWithoutExtension(file), Sql: File.ReadAllText(file)))
            .OrderBy(file => file.Id, StringComparer.Ordinal);

        Assert.Equal(files, SqlMigrations.Embedded.Select(m => (m.Id, m.Sql)));
    }

    [Fact]
    public async Task ApplyAsync_EmbeddedMigrations_ApplyToAnEmptyDatabaseOnce()
    {
        var db = await postgres.CreateDatabaseAsync();

        var first = await SqlMigrations.ApplyAsync(db);
        var second = await SqlMigrations.ApplyAsync(db);

        Assert.Equal(SqlMigrations.Embedded.Select(m => m.Id), first);
        Assert.Empty(second);
    }
}
