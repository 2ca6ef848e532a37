using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;

namespace Daarion.Crypto.Tests.Siwe;

public sealed class SiweMessageBuilderTests
{
    [Fact]
    public void Build_OfTheParsedEip4361Example_ReproducesItsText()
    {
        var message = SiweMessageParser.Parse(SiweSamples.Eip4361Example);
        Assert.Equal(SiweSamples.Eip4361Example, SiweMessageBuilder.Build(message));
    }

    [Fact]
    public void ParseOfBuild_ReturnsTheSameMessage()
    {
        using var key = EthereumKey.Generate();
        var message = SiweSamples.For(key.Address) with { IssuedAt = SiweSamples.Now.AddTicks(1234567) };

        Assert.Equal(message, SiweMessageParser.Parse(SiweMessageBuilder.Build(message)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A statement.")]
    public void ParseOfBuild_KeepsTheStatementShape(string? statement)
    {
        using var key = EthereumKey.Generate();
        var message = SiweSamples.For(key.Address) with { Statement = statement, Resources = null, RequestId = null };

        Assert.Equal(statement, SiweMessageParser.Parse(SiweMessageBuilder.Build(message)).Statement);
    }

    [Fact]
    public void Build_WritesTimestampsInUtcWithOnlyNeededFractionDigits()
    {
        using var key = EthereumKey.Generate();
        var message = SiweSamples.For(key.Address) with
        {
            IssuedAt = new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            ExpirationTime = new DateTimeOffset(2025, 3, 1, 12, 30, 0, 250, TimeSpan.Zero),
        };

        var text = SiweMessageBuilder.Build(message);

        Assert.Contains("\nIssued At: 2025-03-01T12:00:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("\nExpiration Time: 2025-03-01T12:30:00.25Z\n", text, StringComparison.Ordinal);
    }

    public static TheoryData<Func<SiweMessage, SiweMessage>, SiweField> InvalidFields => new()
    {
        { m => m with { Statement = "line one\nline two" }, SiweField.Statement },
        { m => m with { Statement = "injected\n\nURI: https://evil.example" }, SiweField.Statement },
        { m => m with { Nonce = "short" }, SiweField.Nonce },
        { m => m with { Domain = "" }, SiweField.Domain },
        { m => m with { Scheme = "" }, SiweField.Scheme },
        { m => m with { Uri = "https://app.daarion.city/\nVersion: 1" }, SiweField.Uri },
        { m => m with { RequestId = "a b" }, SiweField.RequestId },
        { m => m with { Resources = ["ok://x", "not a uri"] }, SiweField.Resources },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Build_OfInvalidField_Throws(Func<SiweMessage, SiweMessage> change, SiweField field)
    {
        using var key = EthereumKey.Generate();
        var message = change(SiweSamples.For(key.Address));

        var exception = Assert.Throws<SiweFormatException>(() => SiweMessageBuilder.Build(message));
        Assert.Equal(field, exception.Error.Field);
    }

    [Fact]
    public void Generate_GivesValidDistinctNonces()
    {
        var first = SiweNonce.Generate();
        Assert.True(SiweNonce.IsValid(first));
        Assert.True(first.Length >= 16);
        Assert.NotEqual(first, SiweNonce.Generate());
    }
}
