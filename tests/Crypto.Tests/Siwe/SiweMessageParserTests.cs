using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;

namespace Daarion.Crypto.Tests.Siwe;

public sealed class SiweMessageParserTests
{
    private static readonly string Full = SiweMessageBuilder.Build(SiweSamples.For(EthereumAddress.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")));

    [Fact]
    public void Parse_OfTheEip4361Example_ReadsEveryField()
    {
        var message = SiweMessageParser.Parse(SiweSamples.Eip4361Example);

        Assert.Null(message.Scheme);
        Assert.Equal("service.invalid", message.Domain);
        Assert.Equal("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", message.Address.ToString());
        Assert.Equal("I accept the ServiceOrg Terms of Service: https://service.invalid/tos", message.Statement);
        Assert.Equal("https://service.invalid/login", message.Uri);
        Assert.Equal(1UL, message.ChainId);
        Assert.Equal("32891756", message.Nonce);
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 16, 25, 24, TimeSpan.Zero), message.IssuedAt);
        Assert.Null(message.ExpirationTime);
        Assert.Null(message.NotBefore);
        Assert.Null(message.RequestId);
        Assert.Equal(["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://example.com/my-web2-claim.json"], message.Resources);
    }

    [Fact]
    public void Parse_OfAllOptionalFields_ReadsThem()
    {
        var message = SiweMessageParser.Parse(Full);

        Assert.Equal("https", message.Scheme);
        Assert.Equal(SiweSamples.Now.AddMinutes(10), message.ExpirationTime);
        Assert.Equal(SiweSamples.Now.AddMinutes(-2), message.NotBefore);
        Assert.Equal("req-42", message.RequestId);
    }

    [Fact]
    public void Parse_WithoutStatement_HasNullStatement()
    {
        var text = Full.Replace("\n\nSign in to DAARION.\n\n", "\n\n\n", StringComparison.Ordinal);
        Assert.Null(SiweMessageParser.Parse(text).Statement);
    }

    [Fact]
    public void Parse_WithEmptyStatement_HasEmptyStatement()
    {
        // Libraries writing statement = "" produce three blank lines after the address.
        var text = Full.Replace("\n\nSign in to DAARION.\n\n", "\n\n\n\n", StringComparison.Ordinal);
        Assert.Equal(string.Empty, SiweMessageParser.Parse(text).Statement);
    }

    [Fact]
    public void Parse_WithEmptyResourceListAndRequestId_ReadsThemAsEmpty()
    {
        var start = Full.IndexOf("\nRequest ID:", StringComparison.Ordinal);
        var message = SiweMessageParser.Parse(Full[..start] + "\nRequest ID: \nResources:");

        Assert.Equal(string.Empty, message.RequestId);
        Assert.Empty(message.Resources!);
    }

    [Theory]
    [InlineData("app.daarion.city:8443")]
    [InlineData("user:pass@app.daarion.city")]
    [InlineData("[2001:db8::1]:443")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:3000")]
    public void Parse_AcceptsAuthorityForms(string domain)
    {
        var text = Full.Replace("https://app.daarion.city wants", $"https://{domain} wants", StringComparison.Ordinal);
        Assert.Equal(domain, SiweMessageParser.Parse(text).Domain);
    }

    [Theory]
    [InlineData("2021-09-30T18:25:24+02:00", "2021-09-30T16:25:24Z")]
    [InlineData("2021-09-30t16:25:24z", "2021-09-30T16:25:24Z")]
    [InlineData("2021-09-30T16:25:24.123456789Z", "2021-09-30T16:25:24.1234567Z")]
    [InlineData("2021-09-30T12:25:24.5-04:00", "2021-09-30T16:25:24.5Z")]
    public void Parse_ReadsRfc3339Timestamps(string written, string expectedUtc)
    {
        var text = ReplaceLine(Full, "Issued At: ", written);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), SiweMessageParser.Parse(text).IssuedAt);
    }

    public static TheoryData<string, SiweField> Malformed => new()
    {
        { Full.Replace(" wants you to sign in", " wants you to log in", StringComparison.Ordinal), SiweField.Message },
        { Full.Replace("https://app", "1https://app", StringComparison.Ordinal), SiweField.Scheme },
        { Full.Replace("https://app.daarion.city wants", "https://app daarion.city wants", StringComparison.Ordinal), SiweField.Domain },
        { Full.Replace("https://app.daarion.city wants", "https:// wants", StringComparison.Ordinal), SiweField.Domain },
        { Full.Replace("https://app.daarion.city wants", "https://app.daarion.city:80a wants", StringComparison.Ordinal), SiweField.Domain },
        { Full.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", StringComparison.Ordinal), SiweField.Address },
        { Full.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756CC2", StringComparison.Ordinal), SiweField.Address },
        { Full.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756C", StringComparison.Ordinal), SiweField.Address },
        { Full.Replace("Cc2\n\nSign", "Cc2\nSign", StringComparison.Ordinal), SiweField.Message },
        { Full.Replace("Sign in to DAARION.", "Sign in to DAARION – now", StringComparison.Ordinal), SiweField.Statement },
        { Full.Replace("Sign in to DAARION.", "100% safe", StringComparison.Ordinal), SiweField.Statement },
        { Full.Replace("DAARION.\n\nURI", "DAARION.\nURI", StringComparison.Ordinal), SiweField.Message },
        { ReplaceLine(Full, "URI: ", "not a uri"), SiweField.Uri },
        { ReplaceLine(Full, "URI: ", "https://app.daarion.city/a b"), SiweField.Uri },
        { ReplaceLine(Full, "URI: ", "https://app.daarion.city/%zz"), SiweField.Uri },
        { Full.Replace("URI: ", "Uri: ", StringComparison.Ordinal), SiweField.Uri },
        { ReplaceLine(Full, "Version: ", "2"), SiweField.Version },
        { ReplaceLine(Full, "Chain ID: ", "one"), SiweField.ChainId },
        { ReplaceLine(Full, "Chain ID: ", ""), SiweField.ChainId },
        { ReplaceLine(Full, "Chain ID: ", "18446744073709551616"), SiweField.ChainId },
        { ReplaceLine(Full, "Nonce: ", "abc1234"), SiweField.Nonce },
        { ReplaceLine(Full, "Nonce: ", "abcd-1234"), SiweField.Nonce },
        { ReplaceLine(Full, "Issued At: ", "2021-09-30T16:25:24"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Issued At: ", "2021-09-30 16:25:24Z"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Issued At: ", "2021-02-30T16:25:24Z"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Issued At: ", "2021-13-01T16:25:24Z"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Issued At: ", "2016-12-31T23:59:60Z"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Issued At: ", "1632999924"), SiweField.IssuedAt },
        { ReplaceLine(Full, "Expiration Time: ", "tomorrow"), SiweField.ExpirationTime },
        { ReplaceLine(Full, "Not Before: ", "2021-09-30T16:25:24+25:00"), SiweField.NotBefore },
        { ReplaceLine(Full, "Request ID: ", "req 42"), SiweField.RequestId },
        { Full.Replace("- ipfs://bafy/x", "- not a uri", StringComparison.Ordinal), SiweField.Resources },
        { SwapLines(Full, "Expiration Time: ", "Not Before: "), SiweField.ExpirationTime },
        { SwapLines(Full, "Version: ", "Chain ID: "), SiweField.Version },
        { Full + "\n", SiweField.Message },
        { Full + "\nExtra: field", SiweField.Message },
        { Full.Replace("\n", "\r\n", StringComparison.Ordinal), SiweField.Message },
        { Full[..Full.IndexOf("\nIssued At:", StringComparison.Ordinal)], SiweField.IssuedAt },
        { Full[..Full.IndexOf("\n\nSign", StringComparison.Ordinal)], SiweField.Message },
        { "", SiweField.Message },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_OfMalformedMessage_NamesTheOffendingField(string text, SiweField field)
    {
        Assert.False(SiweMessageParser.TryParse(text, out _, out var error));
        Assert.Equal(field, error.Field);
        Assert.Contains("line", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OfMalformedMessage_ThrowsWithTheError()
    {
        var exception = Assert.Throws<SiweFormatException>(() => SiweMessageParser.Parse(ReplaceLine(Full, "Version: ", "2")));
        Assert.Equal(SiweField.Version, exception.Error.Field);
        Assert.StartsWith("Version: line 7", exception.Message, StringComparison.Ordinal);
    }

    internal static string ReplaceLine(string text, string tag, string value)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith(tag, StringComparison.Ordinal));
        lines[index] = tag + value;
        return string.Join('\n', lines);
    }

    private static string SwapLines(string text, string firstTag, string secondTag)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, line => line.StartsWith(firstTag, StringComparison.Ordinal));
        var second = Array.FindIndex(lines, line => line.StartsWith(secondTag, StringComparison.Ordinal));
        (lines[first], lines[second]) = (lines[second], lines[first]);
        return string.Join('\n', lines);
    }
}
