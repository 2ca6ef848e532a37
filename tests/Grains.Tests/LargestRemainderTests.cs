using Daarion.Grains.Payouts;
using FsCheck;
using FsCheck.Fluent;

namespace Daarion.Grains.Tests;

public sealed class LargestRemainderTests
{
    [Fact]
    public void Split_GivesLeftoverUnitsToTheLargestRemainders_TiesToTheEarlierPart()
    {
        // 1.000000 three ways: 0.333333 each and one unit left, which goes to the first of three equal remainders.
        Assert.Equal([0.333334m, 0.333333m, 0.333333m], LargestRemainder.Split(1m, [1m, 1m, 1m], 6));
        // 10.5 by 300:100 is exact.
        Assert.Equal([7.875m, 2.625m], LargestRemainder.Split(10.5m, [300m, 100m], 6));
        // 0.000001 to the larger remainder (2/3 of a unit beats 1/3).
        Assert.Equal([0m, 0.000001m], LargestRemainder.Split(0.000001m, [1m, 2m], 6));
    }

    [Fact]
    public void Split_RefusesNegativeTotalsEmptyOrNonPositiveWeightsAndTotalsBeyondTheScale()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.Split(-1m, [1m], 6));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1m, [], 6));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1m, [1m, 0m], 6));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(0.0000001m, [1m], 6));
    }

    [Fact]
    public void Split_PartsSumExactlyToTheTotal_AndEachIsWithinOneUnitOfItsExactShare()
    {
        var cases =
            from units in Gen.Choose(0, int.MaxValue).Select(u => (long)u * 1_000 + 7)
            from weights in Gen.Choose(1, 2_000_000_000).Select(w => w / 100_000_000m).ListOf().Where(l => l.Count is > 0 and < 40)
            select (Total: units / 1_000_000m, Weights: weights.ToArray());
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var parts = LargestRemainder.Split(c.Total, c.Weights, 6);
            var weightSum = c.Weights.Sum();
            return parts.Sum() == c.Total
                && parts.All(p => p >= 0 && decimal.Round(p, 6) == p)
                && parts.Select((p, i) => Math.Abs(p - (c.Total * c.Weights[i] / weightSum))).All(d => d < 0.000001m);
        }).QuickCheckThrowOnFailure();
    }
}
