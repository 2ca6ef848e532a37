namespace Daarion.Grains.Ledger;

/// <summary>
/// Decimal amounts at an asset's scale. Amounts are never rounded on the way in (an amount with more decimals than
/// its asset allows is refused); on the way out every amount is written with exactly the asset's scale.
/// </summary>
internal static class Money
{
    /// <summary>Largest scale an asset may have (numeric(28,12) in the database).</summary>
    public const int MaxScale = 12;

    /// <summary>Amounts and balances stay below 10^15, well inside numeric(28,12) and C#'s 28-digit decimal.</summary>
    public const decimal MaxAmount = 999_999_999_999_999m;

    private static readonly decimal[] Zeros = [.. Enumerable.Range(0, MaxScale + 1).Select(s => new decimal(0, 0, 0, false, (byte)s))];

    /// <summary>The value with exactly <paramref name="scale"/> decimals (1.5 at scale 6 is 1.500000).</summary>
    public static decimal AtScale(decimal value, int scale) => decimal.Round(value, scale, MidpointRounding.ToEven) + Zeros[scale];

    /// <summary>True when the value needs no more than <paramref name="scale"/> decimals.</summary>
    public static bool FitsScale(decimal value, int scale) => decimal.Round(value, scale) == value;
}
