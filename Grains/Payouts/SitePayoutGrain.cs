using Daarion.Grains.Interfaces.Payouts;
using Daarion.Grains.Ledger;
using Daarion.Grains.Staking;
using Daarion.Silo;
using Daarion.Silo.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Payouts;

/// <summary>
/// Generates a site's payouts period by period. The payouts, their payout.generated events and the period the
/// site is paid through commit in one transaction; payout ids derive from (site, period, staker), so even a
/// second activation racing this one could not pay a period twice.
/// </summary>
[GrainType("site-payout")]
internal sealed class SitePayoutGrain(PayoutStore payouts, StakingStore staking, IOptions<PayoutOptions> options, ILogger<SitePayoutGrain> logger)
    : Grain<SitePayoutState>, ISitePayoutGrain
{
    private static readonly EventActor Payouts = EventActor.Service("payouts");

    public async Task<int> PayThrough(DateTimeOffset end)
    {
        var settings = options.Value;
        var siteId = GetPrimaryKeyString();
        end = settings.PeriodStart(end);
        if (await payouts.FindSiteAsync(siteId) is not { } site || site.Domain != "energy") return 0;
        var from = State.PaidThrough ?? (await payouts.FirstEnergyAsync(siteId, end - (settings.Period * settings.LookbackPeriods)) is { } first
            ? settings.PeriodStart(first)
            : end);
        if (from >= end) return 0;
        var to = from + (settings.Period * settings.MaxPeriodsPerRun) < end ? from + (settings.Period * settings.MaxPeriodsPerRun) : end;

        var rows = new List<PayoutRow>();
        var stakes = await staking.StakesAsync(site.DaoId);
        var totalStake = stakes.Sum(s => s.Stake);
        foreach (var (start, kwh) in await payouts.EnergyByPeriodAsync(siteId, from, to, settings.Period))
        {
            var periodEnd = start + settings.Period;
            var rate = await payouts.RateAsync(site.Domain, periodEnd) ?? 0;
            // Never mint more than was earned: the period's total is cut (not rounded) to the asset's scale, then
            // split by the largest-remainder rule so the parts add up to exactly that total.
            var total = decimal.Round(kwh * rate, PayoutStore.AssetScale, MidpointRounding.ToZero);
            if (total <= 0 || stakes.Count == 0) continue;
            var parts = LargestRemainder.Split(total, [.. stakes.Select(s => s.Stake)], PayoutStore.AssetScale);
            for (var i = 0; i < stakes.Count; i++)
            {
                if (parts[i] == 0) continue;
                var id = DeterministicGuid.Create("payout", $"{siteId}\n{start:O}\n{stakes[i].UserId}");
                rows.Add(new PayoutRow(id, stakes[i].UserId, parts[i], stakes[i].Stake, start, periodEnd, kwh, rate, totalStake));
            }
        }

        State.PaidThrough = to;
        await WriteStateAsync([.. rows.Select(r => Generated(siteId, site.DaoId, r))], rows.Count > 0 ? [PayoutStore.Insert(siteId, site.DaoId, rows)] : []);
        Log.PeriodsPaid(logger, siteId, rows.Count, (int)((to - from) / settings.Period), to);
        return rows.Count;
    }

    /// <summary>Seed 42 §8.7's payload (team_id is the DAO, rwa_ref the site) with the staker and the period.</summary>
    private static OutboxEvent Generated(string siteId, string daoId, PayoutRow row) => new()
    {
        Type = "payout.generated",
        Actor = Payouts,
        OrderingKey = row.PayoutId.ToString(),
        Payload = new GeneratedPayload(row.PayoutId, daoId, PayoutStore.Asset, Money.AtScale(row.Amount, PayoutStore.AssetScale), siteId,
            row.UserId, siteId, row.PeriodStart, row.PeriodEnd),
    };

    private sealed record GeneratedPayload(Guid PayoutId, string TeamId, string Symbol, decimal Amount, string RwaRef, string UserId, string SiteId,
        DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd);
}
