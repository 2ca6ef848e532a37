using Daarion.Adapters.Evm.Payouts;
using Daarion.Crypto;
using Daarion.Testing.Evm;
using Microsoft.AspNetCore.Mvc.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>What the payout tests on a real chain share: the host's settings and RINGK stakers.</summary>
internal static class ChainPayouts
{
    /// <summary>One-minute periods paid at once, settled through <paramref name="settlement"/> with the key <paramref name="secret"/>.</summary>
    public static Dictionary<string, string?> Settings(LocalChain chain, byte[] secret, PayoutSettlement settlement) => new()
    {
        ["Payouts:Period"] = "00:01:00",
        ["Payouts:SettleDelay"] = "00:00:00",
        ["Payouts:Settlement"] = "Chain",
        ["Evm:RpcUrl"] = chain.RpcUrl.ToString(),
        ["Evm:ChainId"] = $"{LocalChain.ChainId}",
        ["Evm:PrivateKey"] = Hex.Encode(secret),
        ["Evm:PayoutContract"] = settlement.Contract.ToString(),
        ["Evm:ReceiptPollInterval"] = "00:00:00.050",
    };

    /// <summary>Gives <paramref name="user"/> a RINGK wallet holding <paramref name="ringk"/> and stakes all of it in <paramref name="dao"/>.</summary>
    public static async Task StakeAsync(WebApplicationFactory<Program> api, string user, string dao, string ringk)
    {
        var wallet = Guid.NewGuid().ToString();
        Expect(await For(api).PostAsync("/v1/wallets", new { wallet_id = wallet, asset = "RINGK", owner_id = user }), 201);
        Expect(await For(api).PostAsync("/v1/adjustments", new { wallet_id = wallet, amount = ringk, reason = "grant" }), 201);
        Expect(await For(api, subject: user).PostAsync("/v1/wallet/stake", new { dao_id = dao, amount = ringk }), 200);
    }
}
