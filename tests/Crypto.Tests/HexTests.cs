namespace Daarion.Crypto.Tests;

public sealed class HexTests
{
    [Theory]
    [InlineData("0x00ff", new byte[] { 0x00, 0xFF })]
    [InlineData("00FF", new byte[] { 0x00, 0xFF })]
    [InlineData("0X0a", new byte[] { 0x0A })]
    [InlineData("0x", new byte[0])]
    public void TryDecode_AcceptsHexWithOrWithoutPrefix(string text, byte[] expected)
    {
        Assert.True(Hex.TryDecode(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0x0")]
    [InlineData("0xzz")]
    [InlineData(" 0x00")]
    [InlineData("0x0x00")]
    public void TryDecode_RefusesMalformedHex(string? text)
    {
        Assert.False(Hex.TryDecode(text, out _));
    }

    [Fact]
    public void Encode_WritesLowerCaseWithPrefix()
    {
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xAB, 0xFF]));
    }
}
