namespace Daarion.Grains.Tests;

/// <summary>What a wallet, an asset or a hold is never changes; a hold is resolved once; available never goes below the overdraft limit.</summary>
public sealed class WalletConstraintTests
{
    private const string Immutable = "DA002";
    private const string Check = "23514";
    private const string Projection = "DA008";

    [Theory]
    [InlineData("UPDATE wallets SET asset = 'USD' WHERE wallet_id = '{alice}'")]
    [InlineData("UPDATE wallets SET owner_id = 'mallory' WHERE wallet_id = '{alice}'")]
    [InlineData("UPDATE wallets SET is_system = true, owner_id = 'system' WHERE wallet_id = '{carol}'")]
    [InlineData("UPDATE wallets SET is_system = false, overdraft_limit = 0 WHERE wallet_id = '{system}'")]
    [InlineData("UPDATE wallets SET wallet_id = gen_random_uuid() WHERE wallet_id = '{carol}'")]
    public async Task ChangeOfAWalletsAssetOwnerKindOrId_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Immutable, sql);

    [Theory]
    [InlineData("UPDATE assets SET scale = 2 WHERE code = 'KWT'")]
    [InlineData("UPDATE assets SET code = 'KWH' WHERE code = 'KWT'")]
    [InlineData("UPDATE assets SET created_at = now() WHERE code = 'RINGK'")]
    public async Task ChangeOfAnAsset_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Immutable, sql);

    [Theory]
    [InlineData("UPDATE holds SET status = 'posted', posted_amount = 1, transaction_id = '{transfer}', resolved_at = now() WHERE hold_id = '{voided}'")]
    [InlineData("UPDATE holds SET status = 'expired', resolved_at = now() WHERE hold_id = '{voided}'")]
    [InlineData("UPDATE holds SET resolved_at = now() WHERE hold_id = '{voided}'")]
    [InlineData("UPDATE holds SET status = 'voided', resolved_at = now() WHERE hold_id = '{pending}'",
                "UPDATE holds SET status = 'expired', resolved_at = now() WHERE hold_id = '{pending}'")]
    public async Task HoldResolvedASecondTime_IsRefused_AndChangesNothing(params string[] statements) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Immutable, statements);

    [Theory]
    [InlineData("UPDATE holds SET amount = 4 WHERE hold_id = '{pending}'")]
    [InlineData("UPDATE holds SET amount = 500 WHERE hold_id = '{pending}'")]
    [InlineData("UPDATE holds SET to_wallet_id = '{system}' WHERE hold_id = '{pending}'")]
    [InlineData("UPDATE holds SET expires_at = now() + interval '1 day' WHERE hold_id = '{pending}'")]
    [InlineData("UPDATE holds SET amount = 2 WHERE hold_id = '{voided}'")]
    public async Task ChangeOfAHoldsTerms_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Immutable, sql);

    [Theory]
    [InlineData("INSERT INTO wallets (wallet_id, asset, owner_id) VALUES ('{new}', 'KWT', 'mallory')", "wallets_unlimited_only_system")]
    [InlineData("UPDATE wallets SET overdraft_limit = NULL WHERE wallet_id = '{alice}'", "wallets_unlimited_only_system")]
    [InlineData("INSERT INTO wallets (wallet_id, asset, owner_id, overdraft_limit) VALUES ('{new}', 'RINGK', 'system', 0)", "wallets_system_owner")]
    [InlineData("INSERT INTO wallets (wallet_id, asset, owner_id, is_system) VALUES ('{new}', 'RINGK', 'mallory', true)", "wallets_system_owner")]
    public async Task WalletOfTheWrongKind_IsRefused_AndChangesNothing(string sql, string constraint)
    {
        var error = await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Check, sql);

        Assert.Equal(constraint, error.ConstraintName);
    }

    [Theory]
    [InlineData("UPDATE wallets SET overdraft_limit = -1 WHERE wallet_id = '{bob}'", "wallets_overdraft_limit_check")]
    [InlineData("INSERT INTO wallets (wallet_id, asset, owner_id, overdraft_limit, balance) VALUES ('{new}', 'KWT', 'mallory', 10, -10.5)", "wallets_available_within_limit")]
    public async Task AvailableBelowTheOverdraftLimit_IsRefused_AndChangesNothing(string sql, string constraint)
    {
        var error = await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Check, sql);

        Assert.Equal(constraint, error.ConstraintName);
    }

    [Theory]
    [InlineData("UPDATE wallets SET balance = balance + 1000 WHERE wallet_id = '{bob}'")]
    [InlineData("UPDATE wallets SET balance = 4.999999 WHERE wallet_id = '{alice}'")]
    [InlineData("UPDATE wallets SET held = 0 WHERE wallet_id = '{alice}'")]
    [InlineData("UPDATE wallets SET held = -1 WHERE wallet_id = '{bob}'")]
    [InlineData("UPDATE wallets SET version = version + 1 WHERE wallet_id = '{bob}'")]
    [InlineData("INSERT INTO wallets (wallet_id, asset, owner_id, overdraft_limit, balance) VALUES ('{new}', 'KWT', 'mallory', 0, 1000)")]
    public async Task ProjectionChange_WithoutItsJournalEntriesOrHold_IsRefused_AndChangesNothing(string sql) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(Projection, sql);

    [Fact]
    public async Task HoldResolvedByHand_ReleasesItsHeldAmount()
    {
        var db = await LedgerDatabase.CreateAsync();

        await db.ExecuteAsync("UPDATE holds SET status = 'voided', resolved_at = now() WHERE hold_id = '{pending}'");

        Assert.Equal(0m, await db.ScalarAsync<decimal>("SELECT held FROM wallets WHERE wallet_id = '{alice}'"));
    }

    [Fact]
    public async Task HoldPostedWithATransactionOfAnotherHold_IsRefused_AndChangesNothing() =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync("DA009",
            "UPDATE holds SET status = 'posted', posted_amount = 1, transaction_id = '{transfer}', resolved_at = now() WHERE hold_id = '{pending}'");

    [Theory]
    [InlineData("{bob}", "DAARION", "DA009")]
    [InlineData("{bob}", "NOSUCH", "23503")]
    [InlineData("{carol}", "KWT", "DA009")]
    public async Task HoldInAnotherAssetThanItsWallets_IsRefused_AndChangesNothing(string payee, string asset, string sqlState) =>
        await (await LedgerDatabase.CreateAsync()).AssertRefusedAsync(sqlState,
            "INSERT INTO holds (hold_id, from_wallet_id, to_wallet_id, asset, amount, created_at) " +
            $"VALUES ('{{new}}', '{{alice}}', '{payee}', '{asset}', 1, now())");
}
