namespace Daarion.ApiHost.Auth;

/// <summary>
/// Every action a route can be mapped to. Each is a capability of the registry (sql/0004 and later migrations), where
/// bundles grant it; the PDP decides on it. A test checks that every action here is registered.
/// </summary>
public static class ActionCatalog
{
    public const string HealthRead = "api.health.read";
    public const string MetricsRead = "api.metrics.read";
    public const string OpenApiRead = "api.openapi.read";

    public const string AuthChallenge = "auth.challenge";
    public const string AuthWalletLogin = "auth.wallet.login";
    public const string AuthSendOtp = "auth.email.send_otp";
    public const string AuthVerifyOtp = "auth.email.verify_otp";
    public const string AuthRefresh = "auth.session.refresh";
    public const string AuthLogout = "auth.session.logout";
    public const string AuthWhoAmI = "auth.whoami";

    public const string TeamCreate = "team.create";
    public const string TeamRead = "team.read";
    public const string TeamMemberManage = "team.member.manage";
    public const string TeamOwnerManage = "team.owner.manage";
    public const string TeamPlanUpdate = "team.plan.update";
    public const string AccessKeyManage = "access_key.manage";

    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";
    public const string PdpExplain = "pdp.explain";
    public const string PdpDecisionsRead = "pdp.decisions.read";
    public const string DevMailboxRead = "dev.mailbox.read";
    public const string ServiceActOnBehalf = "service.act_on_behalf";
    public const string ServiceReadInternalLogs = "service.read.internal_logs";
    public const string ServiceUpdateCapabilities = "service.update.capabilities";

    public const string AssetRead = "wallet.asset.read";
    public const string AssetCreate = "wallet.asset.create";
    public const string WalletCreate = "wallet.create";
    public const string WalletRead = "wallet.read";
    public const string WalletAudit = "wallet.audit";
    public const string Transfer = "wallet.transfer";
    public const string Adjust = "wallet.adjust";
    public const string HoldCreate = "wallet.hold.create";
    public const string HoldRead = "wallet.hold.read";
    public const string HoldPost = "wallet.hold.post";
    public const string HoldVoid = "wallet.hold.void";
    public const string TransactionRead = "wallet.tx.read";
    public const string StakeRingk = "wallet.stake.ringk";
    public const string UnstakeRingk = "wallet.unstake.ringk";
    public const string StakeRead = "wallet.stake.read";
    public const string PayoutRead = "wallet.payout.read";
    public const string PayoutClaim = "wallet.payout.claim";
    public const string PayoutRateRead = "payout.rate.read";
    public const string PayoutRateSet = "payout.rate.set";
    public const string PayoutRun = "payout.run";

    public const string SiteCreate = "energy.site.create";
    public const string SiteRead = "energy.site.read";
    public const string SiteKeysManage = "energy.site.keys.manage";
    public const string SitePlatformsManage = "energy.site.platforms.manage";
    public const string ReadingIngest = "oracle.reading.ingest";
    public const string QuarantineRead = "oracle.quarantine.read";
    public const string QuarantineResolve = "oracle.quarantine.resolve";
    public const string InventoryRead = "rwa.inventory.read";
    public const string PlatformRegister = "embassy.platform.register";
    public const string PlatformRead = "embassy.platform.read";

    /// <summary>Seed 28 §6–§7: what an embassy key does on /embassy/energy and /embassy/oracle.</summary>
    public const string EmbassyEnergyUpdate = "embassy.energy.update";
    public const string EmbassyRwaUpdate = "embassy.rwa.update";

    public const string EventsReplayStart = "events.replay.start";
    public const string EventsReplayRead = "events.replay.read";


    public static readonly IReadOnlySet<string> All = typeof(ActionCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
