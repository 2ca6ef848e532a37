using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

public sealed class AdjustmentTests
{
    [Fact]
    public async Task Adjustments_CreditAndDebitAgainstTheAssetsSystemWallet_WhichBalancesTheAsset()
    {
        await using var ledger = await TestLedger.StartAsync();
        var wallet = await ledger.WalletAsync("RINGK");
        var system = (await ledger.Ledger.ListAssetsAsync()).Single(a => a.Code == "RINGK").SystemWalletId;

        var credit = await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(wallet, 1000, "genesis"));
        var debit = await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(wallet, -250, "correction"));

        Assert.Equal("adjustment", credit.Value!.Kind);
        Assert.Equal("correction", debit.Value!.Metadata!.Value.GetProperty("reason").GetString());
        Assert.Equal(750m, await ledger.BalanceAsync(wallet));
        Assert.Equal(-750m, await ledger.BalanceAsync(system));
    }

    [Fact]
    public async Task NegativeAdjustment_BeyondTheBalance_IsRefused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var wallet = await ledger.WalletAsync(balance: 10);

        var result = await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(wallet, -11, "too much"));

        Assert.Equal(LedgerErrorCode.InsufficientFunds, result.Error?.Code);
        Assert.Equal(10m, await ledger.BalanceAsync(wallet));
    }

    [Fact]
    public async Task NewAsset_GetsItsSystemWallet_AndItsScaleBindsEveryAmount()
    {
        await using var ledger = await TestLedger.StartAsync();

        var asset = await ledger.Ledger.CreateAssetAsync(ledger.Request(), new NewAsset("WATER", 3));
        var again = await ledger.Ledger.CreateAssetAsync(ledger.Request(), new NewAsset("WATER", 4));
        var wallet = await ledger.WalletAsync("WATER", balance: 1.5m);

        Assert.Null(asset.Error);
        Assert.Equal(LedgerErrorCode.AssetExists, again.Error?.Code);
        Assert.Equal("1.500", (await ledger.Ledger.GetWalletAsync(wallet))!.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-1.5m, await ledger.BalanceAsync(asset.Value!.SystemWalletId));
        Assert.Equal(LedgerErrorCode.InvalidAmount, (await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(wallet, 0.0001m, "x"))).Error?.Code);
    }
}
