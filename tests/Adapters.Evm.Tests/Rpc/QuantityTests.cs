using System.Numerics;
using Daarion.Adapters.Evm.Rpc;

namespace Daarion.Adapters.Evm.Tests.Rpc;

public sealed class QuantityTests
{
    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "0x1")]
    [InlineData(1024, "0x400")]
    [InlineData(31337, "0x7a69")]
    public void Format_WritesHexWithoutLeadingZeros(long value, string expected) => Assert.Equal(expected, Quantity.Format(value));

    [Theory]
    [InlineData("0x0", 0)]
    [InlineData("0x400", 1024)]
    [InlineData("0x0400", 1024)]
    [InlineData("0xff", 255)]
    [InlineData("0XFF", 255)]
    public void TryParse_ReadsQuantities(string text, long expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(new BigInteger(expected), value);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("400")]
    [InlineData("0xg1")]
    [InlineData("-0x1")]
    [InlineData(null)]
    public void TryParse_RefusesWhatIsNotAQuantity(string? text) => Assert.False(Quantity.TryParse(text, out _));
}
