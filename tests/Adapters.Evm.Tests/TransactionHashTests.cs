namespace Daarion.Adapters.Evm.Tests;

public sealed class TransactionHashTests
{
    private const string Text = "0xd36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95c6";

    [Fact]
    public void Parse_ReadsEitherCaseAndWritesLowerCase()
    {
        var hash = TransactionHash.Parse(Text.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        Assert.Equal(Text, hash.ToString());
        Assert.Equal(TransactionHash.Parse(Text), hash);
        Assert.Equal(TransactionHash.Parse(Text).GetHashCode(), hash.GetHashCode());
    }

    [Theory]
    [InlineData("d36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95c6")]
    [InlineData("0xd36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95")]
    [InlineData("0xd36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95c6ff")]
    [InlineData("0xz36051944648424803ace04dd4ca8c486bb68b611e632466887281eae0fc95c6")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesWhatIsNotA32ByteHexHash(string? text) => Assert.False(TransactionHash.TryParse(text, out _));
}
