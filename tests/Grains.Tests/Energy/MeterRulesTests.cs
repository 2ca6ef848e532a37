using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Tests.Energy;

/// <summary>The oracle's rules on their own (docs/ENERGY.md), without a silo or a database.</summary>
public sealed class MeterRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static MeterRules Rules(Action<OracleOptions>? configure = null)
    {
        var options = new OracleOptions();
        configure?.Invoke(options);
        return new MeterRules(Options.Create(options));
    }

    private static MeterReading Reading(long? seq, long minute) => new(seq, Now.AddMinutes(minute - 1000), 0, EnergyUnit.KWh);

    /// <summary>Applies interval readings of the given kWh with seq 1, 2, …; returns the decisions.</summary>
    private static List<MeterDecision> Feed(MeterRules rules, SiteMeterState state, MeterKind kind, params decimal[] values) =>
        [.. values.Select(v => rules.Apply(state, kind, Reading(state.LastSeq + 1 ?? 1, (state.LastSeq ?? 0) + 1), v, Now))];

    [Fact]
    public void Spikes_AreLookedForOnlyAfterTheWarmUp_AboveTheFactorAndTheFloor()
    {
        var rules = Rules(o => o.SpikeWarmup = 3);
        var state = new SiteMeterState();

        var decisions = Feed(rules, state, MeterKind.Interval, 1, 50, 2, 400, 1.5m, 5000.5m);

        Assert.Equal([ReadingStatus.Accepted, ReadingStatus.Accepted, ReadingStatus.Accepted, ReadingStatus.Accepted, ReadingStatus.Accepted, ReadingStatus.Quarantined],
            decisions.Select(d => d.Status));
        Assert.Equal((ReadingReason.Spike, 5000.5m), (decisions[^1].Reason, decisions[^1].Kwh));
        Assert.Equal(1 + 50 + 2 + 400 + 1.5m, state.TotalKwh);
    }

    [Fact]
    public void TheFloor_KeepsAnIdleSitesFirstProduction_FromCountingAsASpike()
    {
        var rules = Rules(o => (o.SpikeWarmup, o.SpikeMinimumKwh) = (2, 1));
        var state = new SiteMeterState();

        var decisions = Feed(rules, state, MeterKind.Interval, 0, 0, 0, 1, 11);

        Assert.Equal(ReadingStatus.Accepted, decisions[3].Status);
        Assert.Equal(ReadingStatus.Quarantined, decisions[4].Status);
    }

    [Fact]
    public void ThePeak_Fades_SoAnOldPeakStopsCoveringBigDeltas()
    {
        var rules = Rules(o => (o.SpikeWarmup, o.PeakDecay) = (1, 0.5m));
        var state = new SiteMeterState();

        Feed(rules, state, MeterKind.Interval, 100, 1, 1, 1);

        Assert.Equal(12.5m, state.Peak);
        Assert.Equal(ReadingStatus.Quarantined, Feed(rules, state, MeterKind.Interval, 70)[0].Status);
    }

    [Fact]
    public void ACumulativeMeter_PaysDeltas_AndARegisterGoingBackIsHeldAsTheNewBaseline()
    {
        var rules = Rules();
        var state = new SiteMeterState();

        var decisions = Feed(rules, state, MeterKind.Cumulative, 1000, 1001.5m, 20, 23);

        Assert.Equal([0m, 1.5m, 0m, 3m], decisions.Select(d => d.Kwh));
        Assert.Equal((ReadingStatus.Quarantined, ReadingReason.NegativeDelta), (decisions[2].Status, decisions[2].Reason));
        Assert.Equal((4.5m, 23m), (state.TotalKwh, state.LastValueKwh));
    }

    [Fact]
    public void AFutureTimestamp_IsHeldOutsideTheOrder_AndDoesNotBlockTheReadingsAfterIt()
    {
        var rules = Rules();
        var interval = new SiteMeterState();
        var cumulative = new SiteMeterState();
        var ahead = new MeterReading(null, Now.AddMinutes(6), 0, EnergyUnit.KWh);
        var next = new MeterReading(null, Now.AddMinutes(-1), 0, EnergyUnit.KWh);
        rules.Apply(cumulative, MeterKind.Cumulative, new MeterReading(null, Now.AddMinutes(-2), 0, EnergyUnit.KWh), 100, Now);

        var heldInterval = rules.Apply(interval, MeterKind.Interval, ahead, 7, Now);
        var heldCumulative = rules.Apply(cumulative, MeterKind.Cumulative, ahead, 150, Now);
        var afterInterval = rules.Apply(interval, MeterKind.Interval, next, 2, Now);
        var afterCumulative = rules.Apply(cumulative, MeterKind.Cumulative, next, 104, Now);

        Assert.Equal((ReadingReason.FutureTimestamp, 7m, ReadingReason.FutureTimestamp, 0m), (heldInterval.Reason, heldInterval.Kwh, heldCumulative.Reason, heldCumulative.Kwh));
        Assert.Equal((ReadingStatus.Accepted, 2m, ReadingStatus.Accepted, 4m), (afterInterval.Status, afterInterval.Kwh, afterCumulative.Status, afterCumulative.Kwh));
        Assert.Equal(ReadingStatus.Duplicate, rules.Apply(interval, MeterKind.Interval, ahead, 7, Now).Status);
    }

    [Fact]
    public void Duplicates_AreKnownWithinTheWindow_AndOlderRepeatsAreOutOfOrder()
    {
        var rules = Rules(o => o.DuplicateWindow = 4);
        var state = new SiteMeterState();
        Feed(rules, state, MeterKind.Interval, 1, 1, 1, 1, 1, 1);

        Assert.Equal(ReadingStatus.Duplicate, rules.Apply(state, MeterKind.Interval, Reading(6, 6), 1, Now).Status);
        Assert.Equal(ReadingStatus.Duplicate, rules.Apply(state, MeterKind.Interval, Reading(3, 3), 1.000m, Now).Status);
        Assert.Equal(ReadingReason.OutOfOrder, rules.Apply(state, MeterKind.Interval, Reading(2, 2), 1, Now).Reason);
        Assert.Equal(ReadingReason.OutOfOrder, rules.Apply(state, MeterKind.Interval, Reading(6, 6), 2, Now).Reason);
        Assert.Equal(6m, state.TotalKwh);
    }

    [Fact]
    public void AChangedDuplicateWindow_KeepsWhatFits()
    {
        var state = new SiteMeterState();
        Feed(Rules(o => o.DuplicateWindow = 8), state, MeterKind.Interval, 1, 1);

        Assert.Equal(ReadingStatus.Duplicate, Rules(o => o.DuplicateWindow = 2).Apply(state, MeterKind.Interval, Reading(2, 2), 1, Now).Status);
        Assert.Equal(16, state.Recent.Length);
    }

    [Fact]
    public void AnyDeliveryOfReadings_ShuffledOrRepeated_PaysEachReadingAtMostOnce_AndInOrderDeliveryPaysAll()
    {
        // Interval readings 1..n of 1 to 9 kWh, delivered with repeats and local reorderings.
        var deliveries =
            from n in Gen.Choose(1, 40)
            from values in Gen.ListOf(Gen.Choose(1, 9), n)
            from extra in Gen.ListOf(Gen.Choose(1, n), n)
            from swaps in Gen.ListOf(Gen.Choose(0, n - 1), n / 2)
            select (Values: values.Select(v => (decimal)v).ToArray(), Order: Order(n, extra, swaps));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(deliveries.ToArbitrary(), delivery =>
        {
            var rules = Rules(o => o.SpikeWarmup = int.MaxValue);
            var state = new SiteMeterState();
            var paid = new Dictionary<long, decimal>();
            foreach (var seq in delivery.Order)
            {
                var decision = rules.Apply(state, MeterKind.Interval, Reading(seq, seq), delivery.Values[seq - 1], Now);
                if (decision.Status == ReadingStatus.Accepted) Assert.True(paid.TryAdd(seq, decision.Kwh), $"seq {seq} was paid twice");
            }
            Assert.Equal(paid.Values.Sum(), state.TotalKwh);
            Assert.All(paid, p => Assert.Equal(delivery.Values[p.Key - 1], p.Value));
            var inOrder = new SiteMeterState();
            for (var seq = 1; seq <= delivery.Values.Length; seq++) rules.Apply(inOrder, MeterKind.Interval, Reading(seq, seq), delivery.Values[seq - 1], Now);
            Assert.Equal(delivery.Values.Sum(), inOrder.TotalKwh);
        }));
    }

    // 1..n in order, each followed by a repeat of an earlier one, with some neighbours swapped.
    private static long[] Order(int n, IReadOnlyList<int> extra, IReadOnlyList<int> swaps)
    {
        var order = Enumerable.Range(1, n).SelectMany(i => new long[] { i, Math.Min(i, extra[i - 1]) }).ToArray();
        foreach (var s in swaps) (order[2 * s], order[Math.Min(2 * s + 1, order.Length - 1)]) = (order[Math.Min(2 * s + 1, order.Length - 1)], order[2 * s]);
        return order;
    }
}
