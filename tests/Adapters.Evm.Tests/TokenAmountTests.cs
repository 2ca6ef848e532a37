using System.Globalization;
using System.Numerics;

namespace Daarion.Adapters.Evm.Tests;

public sealed class TokenAmountTests
{
    [Theory]
    [InlineData("1", 18, "1000000000000000000")]
    [InlineData("12.5", 18, "12500000000000000000")]
    [InlineData("12.500000", 6, "12500000")]
    [InlineData("0.000001", 6, "1")]
    [InlineData("0", 18, "0")]
    [InlineData("0.00", 0, "0")]
    [InlineData("79228162514264337593543950335", 18, "79228162514264337593543950335000000000000000000")]
    public void ToBaseUnits_IsExact(string amount, int decimals, string expected) =>
        Assert.Equal(BigInteger.Parse(expected, CultureInfo.InvariantCulture), TokenAmount.ToBaseUnits(decimal.Parse(amount, CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void ToBaseUnits_RefusesAmountsFinerThanTheToken()
    {
        Assert.Throws<ArgumentException>(() => TokenAmount.ToBaseUnits(0.0000001m, 6));
        Assert.Throws<ArgumentException>(() => TokenAmount.ToBaseUnits(1.5m, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenAmount.ToBaseUnits(-1m, 18));
    }

    [Theory]
    [InlineData("1000000000000000000", 18, "1")]
    [InlineData("12500000000000000000", 18, "12.5")]
    [InlineData("1", 18, "0.000000000000000001")]
    [InlineData("0", 18, "0")]
    [InlineData("1000000000000000000000000000000", 18, "1000000000000")]
    public void FromBaseUnits_IsExact(string baseUnits, int decimals, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), TokenAmount.FromBaseUnits(BigInteger.Parse(baseUnits, CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void FromBaseUnits_RefusesWhatDecimalCannotHoldExactly()
    {
        // 2^96 + 1 needs 97 bits of mantissa; 30 significant decimals need more than decimal has.
        Assert.Throws<OverflowException>(() => TokenAmount.FromBaseUnits((BigInteger.One << 96) + 1, 18));
        Assert.Throws<OverflowException>(() => TokenAmount.FromBaseUnits(BigInteger.Parse("123456789012345678901234567891", CultureInfo.InvariantCulture), 30));
    }

    [Fact]
    public void RoundTrip_KeepsEveryDigit()
    {
        var amount = 123456789.123456789012345678m;

        Assert.Equal(amount, TokenAmount.FromBaseUnits(TokenAmount.ToBaseUnits(amount, 18), 18));
    }
}
