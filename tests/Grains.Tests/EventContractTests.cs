using Daarion.Grains.Interfaces.Ledger;
using Daarion.Testing;

namespace Daarion.Grains.Tests;

/// <summary>
/// The event contract (seed 42 §6, §8) for the ledger: every event it emits, in every kind of commit, is valid
/// (<see cref="EventContract"/>).
/// </summary>
public sealed class EventContractTests
{
    [Fact]
    public async Task EveryLedgerEvent_ValidatesAgainstTheEnvelopeAndItsTypesSchema()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync("KWT", balance: 100);
        var payee = await ledger.WalletAsync("KWT");
        var dollars = await ledger.WalletAsync("USD", balance: 50);
        var dollarPayee = await ledger.WalletAsync("USD");
        Assert.Null((await ledger.TransferAsync(payer, payee, 12.5m)).Error);
        Assert.Null((await ledger.Ledger.TransferAsync(ledger.Request(), new TransferCommand(
            [new Posting(payer, payee, 1), new Posting(dollars, dollarPayee, 2.25m)], null))).Error);
        Assert.Null((await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(payer, -3, "correction"))).Error);
        var posted = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 10, null, null))).Value!;
        Assert.Null((await ledger.Ledger.PostHoldAsync(ledger.Request(), posted.HoldId, 4)).Error);
        var voided = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 5, null, null))).Value!;
        Assert.Null((await ledger.Ledger.VoidHoldAsync(ledger.Request(), voided.HoldId)).Error);

        var events = await EventContract.AssertOutboxValidAsync(ledger.ConnectionString);

        var kinds = events.Where(e => e.Subject == "wallet.tx.confirmed").Select(e => e.Envelope.GetProperty("payload").GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["adjustment", "hold_post", "transfer"], kinds.Order(StringComparer.Ordinal));
        Assert.Contains(events, e => e.Subject == "wallet.balance.updated");
    }
}
