using System.Numerics;

namespace Daarion.Grains.Payouts;

/// <summary>
/// Splits an amount pro rata by weights with the largest-remainder rule, at a fixed scale: each part first gets
/// the floor of its exact share in units of 10^-scale; the units left over go one each to the parts with the
/// largest remainders (ties to the earlier part). The parts always sum exactly to the whole, and each differs from
/// its exact share by less than one unit. Integer arithmetic throughout, so no rounding error can creep in.
/// </summary>
public static class LargestRemainder
{
    public static decimal[] Split(decimal total, IReadOnlyList<decimal> weights, int scale)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), "The amount to split must not be negative.");
        if (weights.Count == 0 || weights.Any(w => w <= 0)) throw new ArgumentException("Weights must be positive, and there must be at least one.", nameof(weights));
        var units = ToUnits(total, scale);
        var weightScale = weights.Max(Scale);
        var scaledWeights = weights.Select(w => ToUnits(w, weightScale)).ToArray();
        var sum = scaledWeights.Aggregate(BigInteger.Zero, (a, b) => a + b);

        var parts = new BigInteger[weights.Count];
        var remainders = new BigInteger[weights.Count];
        var given = BigInteger.Zero;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = BigInteger.DivRem(units * scaledWeights[i], sum, out remainders[i]);
            given += parts[i];
        }
        var left = (int)(units - given); // fewer than weights.Count
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left)) parts[i]++;
        return [.. parts.Select(p => FromUnits(p, scale))];
    }

    private static int Scale(decimal value) => value.Scale;

    private static BigInteger ToUnits(decimal value, int scale)
    {
        var shifted = value * Pow10(scale);
        if (decimal.Truncate(shifted) != shifted) throw new ArgumentException($"{value} has more than {scale} decimals.");
        return new BigInteger(shifted);
    }

    private static decimal FromUnits(BigInteger units, int scale) => (decimal)units / Pow10(scale);

    private static decimal Pow10(int scale) => scale == 0 ? 1m : 10m * Pow10(scale - 1);
}
