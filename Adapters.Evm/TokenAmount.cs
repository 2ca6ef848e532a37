using System.Numerics;

namespace Daarion.Adapters.Evm;

/// <summary>
/// Converts between ledger amounts (decimal) and a token's integer base units (amount × 10^decimals), exactly:
/// an amount finer than the token can express, or a token amount beyond decimal's range, throws rather than rounds.
/// </summary>
public static class TokenAmount
{
    // A decimal is a 96-bit mantissa over 10^scale, scale 0…28.
    private const int MaxScale = 28;
    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;

    /// <summary>The base units of <paramref name="amount"/>; throws when it is negative or has more than <paramref name="decimals"/> decimals.</summary>
    public static BigInteger ToBaseUnits(decimal amount, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (amount < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A token amount is not negative.");
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        // Trailing zeros (1.50 has scale 2) carry no precision.
        (mantissa, scale) = StripTrailingZeros(mantissa, scale, decimals);
        if (scale > decimals)
            throw new ArgumentException($"{amount} has more than the token's {decimals} decimals.", nameof(amount));
        return mantissa * BigInteger.Pow(10, decimals - scale);
    }

    /// <summary>The decimal value of <paramref name="baseUnits"/>; throws <see cref="OverflowException"/> when decimal cannot hold it exactly.</summary>
    public static decimal FromBaseUnits(BigInteger baseUnits, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (baseUnits.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(baseUnits), baseUnits, "A token amount is not negative.");
        var (mantissa, scale) = StripTrailingZeros(baseUnits, decimals, 0);
        if (scale > MaxScale || mantissa > MaxMantissa)
            throw new OverflowException($"{baseUnits} base units with {decimals} decimals do not fit a decimal exactly.");
        return new decimal((int)(uint)(mantissa & uint.MaxValue), (int)(uint)((mantissa >> 32) & uint.MaxValue), (int)(uint)(mantissa >> 64), false, (byte)scale);
    }

    private static (BigInteger Mantissa, int Scale) StripTrailingZeros(BigInteger mantissa, int scale, int targetScale)
    {
        while (scale > targetScale && !mantissa.IsZero && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            scale--;
        }
        return mantissa.IsZero ? (mantissa, Math.Min(scale, targetScale)) : (mantissa, scale);
    }
}
