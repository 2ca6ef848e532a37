using Daarion.Grains.Interfaces.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace Daarion.Grains.Tests;

public sealed class HoldTests
{
    [Fact]
    public async Task Hold_ReducesAvailable_NotBalance()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();

        var hold = await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 60, null, null));

        Assert.Equal(HoldView.Pending, hold.Value!.Status);
        var wallet = (await ledger.Ledger.GetWalletAsync(payer))!;
        Assert.Equal((100m, 40m, 60m), (wallet.Balance, wallet.Available, wallet.Held));
        Assert.Equal(LedgerErrorCode.InsufficientFunds, (await ledger.TransferAsync(payer, payee, 41)).Error?.Code);
        Assert.Equal(LedgerErrorCode.InsufficientFunds, (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 41, null, null))).Error?.Code);
    }

    [Fact]
    public async Task PartialPost_MovesThePostedAmount_AndReleasesTheRest()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var hold = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 60, null, "{\"order\":1}"))).Value!;

        var posted = await ledger.Ledger.PostHoldAsync(ledger.Request(), hold.HoldId, 25);

        Assert.Null(posted.Error);
        Assert.Equal((HoldView.Posted, 25m), (posted.Value!.Hold.Status, posted.Value.Hold.PostedAmount!.Value));
        Assert.Equal(hold.HoldId, posted.Value.Transaction.HoldId);
        var wallet = (await ledger.Ledger.GetWalletAsync(payer))!;
        Assert.Equal((75m, 75m, 0m), (wallet.Balance, wallet.Available, wallet.Held));
        Assert.Equal(25m, await ledger.BalanceAsync(payee));
        Assert.Equal(LedgerErrorCode.HoldNotPending, (await ledger.Ledger.PostHoldAsync(ledger.Request(), hold.HoldId, 1)).Error?.Code);
        Assert.Equal(LedgerErrorCode.HoldNotPending, (await ledger.Ledger.VoidHoldAsync(ledger.Request(), hold.HoldId)).Error?.Code);
        Assert.True((await ledger.Ledger.AuditAsync(payer))!.Matches);
    }

    [Fact]
    public async Task Post_MoreThanTheHold_IsRefused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var hold = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 10, null, null))).Value!;

        Assert.Equal(LedgerErrorCode.HoldAmountExceeded, (await ledger.Ledger.PostHoldAsync(ledger.Request(), hold.HoldId, 10.000001m)).Error?.Code);
        Assert.Equal(10m, (await ledger.Ledger.GetWalletAsync(payer))!.Held);
    }

    [Fact]
    public async Task Void_ReleasesTheHold()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var hold = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 60, null, null))).Value!;

        var voided = await ledger.Ledger.VoidHoldAsync(ledger.Request("void-1"), hold.HoldId);
        var replay = await ledger.Ledger.VoidHoldAsync(ledger.Request("void-1"), hold.HoldId);

        Assert.Equal(HoldView.Voided, voided.Value!.Status);
        Assert.True(replay.Replayed);
        Assert.Equal(voided.Value.ResolvedAt, replay.Value!.ResolvedAt);
        Assert.Equal(100m, await ledger.AvailableAsync(payer));
        Assert.Equal(LedgerErrorCode.HoldNotPending, (await ledger.Ledger.PostHoldAsync(ledger.Request(), hold.HoldId, null)).Error?.Code);
    }

    [Fact]
    public async Task ConcurrentPostAndVoid_ExactlyOneWins()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 1000);
        var payee = await ledger.WalletAsync();
        var holds = new List<Guid>();
        for (var i = 0; i < 20; i++) holds.Add((await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 10, null, null))).Value!.HoldId);

        var postTasks = holds.Select(h => ledger.Ledger.PostHoldAsync(ledger.Request(), h, null)).ToList();
        var voidTasks = holds.Select(h => ledger.Ledger.VoidHoldAsync(ledger.Request(), h)).ToList();
        var posts = await Task.WhenAll(postTasks);
        var voids = await Task.WhenAll(voidTasks);

        for (var i = 0; i < holds.Count; i++)
        {
            Assert.True((posts[i].Error is null) ^ (voids[i].Error is null), $"hold {i}: exactly one of post and void succeeds");
        }
        var postedCount = posts.Count(p => p.Error is null);
        Assert.Equal(postedCount * 10m, await ledger.BalanceAsync(payee));
        Assert.Equal(0m, (await ledger.Ledger.GetWalletAsync(payer))!.Held);
        Assert.True((await ledger.Ledger.AuditAsync(payer))!.Matches);
    }

    [Fact]
    public async Task ExpiredHold_IsReleased_AndCanNoLongerBePosted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ledger = await TestLedger.StartAsync(time: clock);
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();
        var hold = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 30, clock.GetUtcNow().AddMinutes(5), null))).Value!;
        Assert.Equal(70m, await ledger.AvailableAsync(payer));

        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(LedgerErrorCode.HoldExpired, (await ledger.Ledger.PostHoldAsync(ledger.Request(), hold.HoldId, null)).Error?.Code);
        await Testing.Eventually.True(async () => await ledger.AvailableAsync(payer) == 100m, because: "the expiry loop releases the hold");
        Assert.Equal(HoldView.Expired, (await ledger.Ledger.GetHoldAsync(hold.HoldId))!.Status);
        Assert.Equal(0m, await ledger.BalanceAsync(payee));
    }

    [Fact]
    public async Task Hold_ThatExpiresInThePast_IsInvalid()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync(balance: 100);
        var payee = await ledger.WalletAsync();

        var result = await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 1, DateTimeOffset.UtcNow.AddSeconds(-1), null));

        Assert.Equal(LedgerErrorCode.InvalidRequest, result.Error?.Code);
    }
}
