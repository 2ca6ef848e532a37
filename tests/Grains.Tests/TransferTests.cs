using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

public sealed class TransferTests
{
    [Fact]
    public async Task Transfer_MovesMoney_AndAnswersEntriesAndResultingBalances()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();

        var result = await ledger.TransferAsync(payer, payee, 30.5m);

        Assert.Null(result.Error);
        var tx = result.Value!;
        Assert.Equal("transfer", tx.Kind);
        Assert.Equal(["-30.500000", "30.500000"], tx.Entries.Select(e => e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([(payer, 69.5m), (payee, 30.5m)], tx.Balances.Select(b => (b.WalletId, b.Balance)));
        Assert.Equal(69.5m, await ledger.BalanceAsync(payer));
        Assert.Equal(30.5m, await ledger.BalanceAsync(payee));
    }

    [Fact]
    public async Task Transfer_WhenFundsInsufficient_IsRefusedAndWritesNothing()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 10);
        var payee = await ledger.WalletAsync();
        var entriesBefore = await ledger.ScalarAsync<long>("SELECT count(*) FROM journal_entries");

        var result = await ledger.TransferAsync(payer, payee, 10.000001m);

        Assert.Equal(LedgerErrorCode.InsufficientFunds, result.Error?.Code);
        Assert.Equal(10m, result.Error!.Available);
        Assert.Equal(entriesBefore, await ledger.ScalarAsync<long>("SELECT count(*) FROM journal_entries"));
        Assert.Equal(10m, await ledger.BalanceAsync(payer));
        Assert.Equal(0m, await ledger.BalanceAsync(payee));
    }

    [Fact]
    public async Task ConcurrentSpendsOfTheSameMoney_NeverOverdraw()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 500);
        var payees = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ledger.WalletAsync()));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => ledger.TransferAsync(payer, payees[i % 4], 10)));

        Assert.Equal(50, results.Count(r => r.Error is null));
        Assert.All(results.Where(r => r.Error is not null), r => Assert.Equal(LedgerErrorCode.InsufficientFunds, r.Error!.Code));
        Assert.Equal(0m, await ledger.BalanceAsync(payer));
        Assert.Equal(500m, (await Task.WhenAll(payees.Select(ledger.BalanceAsync))).Sum());
        Assert.True((await ledger.Ledger.AuditAsync(payer))!.Matches);
    }

    [Fact]
    public async Task Credit_IsVisibleToThePayee_AsSoonAsThePayerIsAnswered()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 1000);
        var payee = await ledger.WalletAsync();
        var next = await ledger.WalletAsync();
        Assert.Equal(0m, await ledger.BalanceAsync(payee)); // the payee's grain is active with its old balance

        for (var i = 1; i <= 20; i++)
        {
            Assert.Null((await ledger.TransferAsync(payer, payee, 1)).Error);
            Assert.Equal(i, await ledger.BalanceAsync(payee));
            // The payee can spend the credit at once.
            Assert.Null((await ledger.TransferAsync(payee, next, 1)).Error);
            Assert.Null((await ledger.TransferAsync(next, payee, 1)).Error);
        }
    }

    [Fact]
    public async Task MultiLegTransfer_CommitsAllPostingsOrNone()
    {
        await using var ledger = await TestLedger.StartAsync();
        var a = await ledger.WalletAsync(balance: 50);
        var b = await ledger.WalletAsync(balance: 5);
        var c = await ledger.WalletAsync();

        var refused = await ledger.Ledger.TransferAsync(ledger.Request(), new TransferCommand([new Posting(a, c, 20), new Posting(b, c, 6)], null));
        Assert.Equal(LedgerErrorCode.InsufficientFunds, refused.Error?.Code);
        Assert.Equal((50m, 5m, 0m), (await ledger.BalanceAsync(a), await ledger.BalanceAsync(b), await ledger.BalanceAsync(c)));
        Assert.Equal(50m, await ledger.AvailableAsync(a)); // a's reservation was released

        var done = await ledger.Ledger.TransferAsync(ledger.Request(), new TransferCommand([new Posting(a, c, 20), new Posting(b, c, 5), new Posting(a, b, 1)], "{\"order\":7}"));
        Assert.Null(done.Error);
        Assert.Equal(6, done.Value!.Entries.Count);
        Assert.Equal((29m, 1m, 25m), (await ledger.BalanceAsync(a), await ledger.BalanceAsync(b), await ledger.BalanceAsync(c)));
        Assert.Equal(7, done.Value.Metadata!.Value.GetProperty("order").GetInt32());
    }

    [Fact]
    public async Task Transfer_BetweenAssets_IsRefused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var kwt = await ledger.WalletAsync("KWT", balance: 10);
        var usd = await ledger.WalletAsync("USD");

        var result = await ledger.TransferAsync(kwt, usd, 1);

        Assert.Equal(LedgerErrorCode.AssetMismatch, result.Error?.Code);
        Assert.Equal(10m, await ledger.BalanceAsync(kwt));
    }

    [Theory]
    [InlineData("0.001")]     // USD has 2 decimals
    [InlineData("1.005")]
    public async Task Transfer_WithMoreDecimalsThanTheAsset_IsRefused(string amount)
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync("USD", balance: 10);
        var payee = await ledger.WalletAsync("USD");

        var result = await ledger.TransferAsync(payer, payee, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(LedgerErrorCode.InvalidAmount, result.Error?.Code);
        Assert.Equal(10m, await ledger.BalanceAsync(payer));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Transfer_OfZeroOrNegative_IsInvalid(int amount)
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 10);
        var payee = await ledger.WalletAsync();

        Assert.Equal(LedgerErrorCode.InvalidRequest, (await ledger.TransferAsync(payer, payee, amount)).Error?.Code);
    }

    [Fact]
    public async Task Transfer_ToAnUnknownWallet_IsRefused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 10);

        var result = await ledger.TransferAsync(payer, Guid.NewGuid(), 1);

        Assert.Equal(LedgerErrorCode.UnknownWallet, result.Error?.Code);
        Assert.Equal(10m, await ledger.AvailableAsync(payer));
    }

    [Fact]
    public async Task Overdraft_AllowsTheAvailableBalanceDownToTheLimit()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 10, overdraft: 5);
        var payee = await ledger.WalletAsync();

        Assert.Null((await ledger.TransferAsync(payer, payee, 15)).Error);
        Assert.Equal(-5m, await ledger.BalanceAsync(payer));
        Assert.Equal(LedgerErrorCode.InsufficientFunds, (await ledger.TransferAsync(payer, payee, 0.000001m)).Error?.Code);
    }

    [Fact]
    public async Task Transfer_EmitsTxConfirmed_AndOneBalanceUpdatedPerWallet_InTheSameTransaction()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var before = await ledger.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM outbox_batches");

        var tx = (await ledger.TransferAsync(payer, payee, 1)).Value!;

        const string Events = "FROM outbox_batches b, json_array_elements(b.events) e WHERE b.id > $1";
        var confirmed = await ledger.ScalarAsync<string>($"SELECT (e->'envelope')::text {Events} AND e->>'subject' = 'wallet.tx.confirmed'", before);
        Assert.Contains(tx.TransactionId.ToString(), confirmed);
        Assert.Contains("\"amount\":\"1.000000\"", confirmed);
        Assert.Equal(2L, await ledger.ScalarAsync<long>(
            $"SELECT count(*) {Events} AND e->>'subject' = 'wallet.balance.updated' AND e->>'ordering_key' IN ($2, $3)", before, payer.ToString(), payee.ToString()));
        var balance = await ledger.ScalarAsync<string>(
            $"SELECT e->'envelope'->'payload'->>'balance' {Events} AND e->>'subject' = 'wallet.balance.updated' AND e->>'ordering_key' = $2", before, payer.ToString());
        Assert.Equal("99.000000", balance);
    }

    [Fact]
    public async Task ACommitsOutboxBatch_IsStoredCompressed_AndReadsBackWhole()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payees = new List<Guid>();
        for (var i = 0; i < 12; i++) payees.Add(await ledger.WalletAsync());
        var before = await ledger.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM outbox_batches");

        // One transaction paying twelve wallets: a confirmation and thirteen balance events in one outbox row.
        var tx = await ledger.Ledger.TransferAsync(ledger.Request(), new TransferCommand([.. payees.Select(p => new Posting(payer, p, 1))], null));

        Assert.Null(tx.Error);
        Assert.Equal(14L, await ledger.ScalarAsync<long>("SELECT sum(event_count) FROM outbox_batches WHERE id > $1", before));
        Assert.Equal(14L, await ledger.ScalarAsync<long>("SELECT count(*) FROM outbox_batches b, json_array_elements(b.events) WHERE b.id > $1", before));
        var (stored, text) = (await ledger.ScalarAsync<int>("SELECT pg_column_size(events) FROM outbox_batches WHERE id > $1", before),
            await ledger.ScalarAsync<int>("SELECT octet_length(events::text) FROM outbox_batches WHERE id > $1", before));
        Assert.True(stored * 3 < text, $"the batch takes {stored} bytes for {text} bytes of JSON");
    }
}
