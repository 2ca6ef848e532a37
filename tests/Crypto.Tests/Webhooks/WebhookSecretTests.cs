using Daarion.Crypto.Webhooks;

namespace Daarion.Crypto.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(64)]
    public void TryParse_OfWhsecBase64WithinBounds_Succeeds(int length)
    {
        var text = "whsec_" + Convert.ToBase64String(new byte[length]);
        Assert.True(WebhookSecret.TryParse(text, out var secret));
        Assert.Equal(text, secret.Reveal());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not*base64*at*all*here*xxxxxxxx")]
    [InlineData("whsec_")]
    public void TryParse_OfMalformedSecret_Fails(string? text)
    {
        Assert.False(WebhookSecret.TryParse(text, out _));
    }

    [Theory]
    [InlineData(23)]
    [InlineData(65)]
    public void TryParse_OfSecretOutsideTheLengthBounds_Fails(int length)
    {
        Assert.False(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[length]), out _));
        Assert.Throws<ArgumentException>(() => WebhookSecret.FromBytes(new byte[length]));
    }

    [Fact]
    public void ToStringAndParseErrors_NeverContainTheKey()
    {
        const string text = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Assert.DoesNotContain("MfKQ9r8G", WebhookSecret.Parse(text).ToString(), StringComparison.Ordinal);

        var exception = Assert.Throws<FormatException>(() => WebhookSecret.Parse(text[..^4]));
        Assert.DoesNotContain("MfKQ9r8G", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_GivesDistinct32ByteSecrets()
    {
        var first = WebhookSecret.Generate().Reveal();
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, WebhookSecret.Generate().Reveal());
    }
}
