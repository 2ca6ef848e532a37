using Daarion.Grains.Interfaces.Ledger;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Grains.Tests;

/// <summary>
/// ledger_commit locks every touched wallet in one global order, so groups touching the same wallets never deadlock; the
/// committer keeps the groups it has in flight apart, so one never waits for another's wallets.
/// </summary>
public sealed class LedgerCommitConcurrencyTests
{
    // One transfer of $4 from $2 to $3 as its own group, entries in payer-then-payee order.
    private const string RawTransfer = """
        SELECT count(*) FROM ledger_commit(
            ARRAY['transfer'], ARRAY[$1::uuid], ARRAY['raw'], ARRAY[$1::text], ARRAY['\x00'::bytea], ARRAY[NULL::text],
            ARRAY[NULL::uuid], ARRAY[NULL::uuid], ARRAY[NULL::uuid], ARRAY['KWT'], ARRAY[$4::numeric], ARRAY[NULL::text],
            ARRAY[now()], ARRAY[NULL::timestamptz], ARRAY[NULL::json], ARRAY['raw'], ARRAY[NULL::jsonb],
            ARRAY[1, 1], ARRAY[0, 1]::smallint[], ARRAY[$2::uuid, $3::uuid], ARRAY['KWT', 'KWT'], ARRAY[-$4::numeric, $4::numeric])
        """;

    [Fact]
    public async Task ConcurrentTransfersBetweenTwoWalletsInBothDirections_NeverDeadlock_AndKeepTheAuditMatching()
    {
        await using var ledger = await TestLedger.StartAsync(options: o =>
        {
            o.MaxBatchSize = 2;
            o.MaxConcurrentCommits = 8;
        });
        var a = await ledger.WalletAsync(balance: 30);
        var b = await ledger.WalletAsync(balance: 30);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => i % 2 == 0
            ? ledger.TransferAsync(a, b, 1 + i % 7)
            : ledger.TransferAsync(b, a, 1 + i % 5)));

        Assert.All(results, r => Assert.True(r.Error is null || r.Error.Code == LedgerErrorCode.InsufficientFunds, r.Error?.Detail));
        Assert.Contains(results, r => r.Error is null);
        Assert.Equal(0, ledger.Metrics.Failures);
        Assert.Equal(60m, await ledger.BalanceAsync(a) + await ledger.BalanceAsync(b));
        Assert.True((await ledger.Ledger.AuditAsync(a))!.Matches);
        Assert.True((await ledger.Ledger.AuditAsync(b))!.Matches);
    }

    [Fact]
    public async Task ConcurrentLedgerCommits_LockingTwoWalletsInOppositeOrders_NeverDeadlock_AndAreRefusedOnlyForFunds()
    {
        await using var ledger = await TestLedger.StartAsync();
        var a = await ledger.WalletAsync(balance: 20);
        var b = await ledger.WalletAsync(balance: 20);

        // Sixteen sessions, half paying a → b and half b → a, bypassing the grains: only the database checks funds.
        var refusals = await Task.WhenAll(Enumerable.Range(0, 16).Select(session => Task.Run(async () =>
        {
            var (from, to) = session % 2 == 0 ? (a, b) : (b, a);
            var refused = new List<PostgresException>();
            await using var connection = new NpgsqlConnection(ledger.ConnectionString);
            await connection.OpenAsync();
            for (var i = 0; i < 25; i++)
            {
                await using var command = new NpgsqlCommand(RawTransfer, connection);
                foreach (var value in new object[] { Guid.NewGuid(), from, to, 1m + (session + i) % 3 }) command.Parameters.Add(new NpgsqlParameter { Value = value });
                try
                {
                    await command.ExecuteScalarAsync();
                }
                catch (PostgresException e)
                {
                    refused.Add(e);
                }
            }
            return refused;
        })));

        Assert.All(refusals.SelectMany(r => r), e => Assert.Equal(("23514", "wallets_available_within_limit"), (e.SqlState, e.ConstraintName)));
        Assert.Equal(40m, await ledger.ScalarAsync<decimal>("SELECT sum(balance) FROM wallets WHERE wallet_id IN ($1, $2)", a, b));
        Assert.True((await ledger.Ledger.AuditAsync(a))!.Matches);
        Assert.True((await ledger.Ledger.AuditAsync(b))!.Matches);
    }

    [Fact]
    public async Task WhileOneCommitWaitsForAWallet_OnlyOperationsOnItsWalletsWaitWithIt_OthersCommitBesideIt()
    {
        await using var ledger = await TestLedger.StartAsync(options: o => o.MaxConcurrentCommits = 2);
        var (a, b, c, d, e) = (await ledger.WalletAsync(balance: 10), await ledger.WalletAsync(), await ledger.WalletAsync(balance: 10),
            await ledger.WalletAsync(), await ledger.WalletAsync());

        // Another session holds wallet a's lock (the one ledger_commit takes), so a commit touching a waits in the database.
        await using var blocker = new NpgsqlConnection(ledger.ConnectionString);
        await blocker.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(1818585193, hashtext($1::text))", blocker) { Parameters = { new() { Value = a.ToString() } } })
            await take.ExecuteNonQueryAsync();
        var first = ledger.TransferAsync(a, b, 1);
        await Eventually.True(async () => await ledger.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 1);

        var sameWallet = ledger.TransferAsync(a, e, 2);
        var elsewhere = ledger.TransferAsync(c, d, 3);
        // Had the second commit taken both, it would wait for a too, and elsewhere with it.
        Assert.Same(elsewhere, await Task.WhenAny(elsewhere, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Null((await elsewhere).Error);
        Assert.False(first.IsCompleted);
        Assert.False(sameWallet.IsCompleted);

        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", blocker))
            await release.ExecuteNonQueryAsync();
        Assert.Null((await first).Error);
        Assert.Null((await sameWallet).Error);
        Assert.Equal((7m, 1m, 2m, 7m, 3m), (await ledger.BalanceAsync(a), await ledger.BalanceAsync(b), await ledger.BalanceAsync(e),
            await ledger.BalanceAsync(c), await ledger.BalanceAsync(d)));
        Assert.Equal(0, ledger.Metrics.Failures);
    }
}
