using System.Text;
using Daarion.Crypto.Webhooks;

namespace Daarion.Crypto.Tests.Webhooks;

public sealed class StandardWebhookTests
{
    // The specification's own example omits its secret; this is the published vector of the reference
    // libraries' test suites (same scheme: "{id}.{timestamp}.{body}", HMAC-SHA256, v1).
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp);

    [Fact]
    public void Sign_OfTheReferenceVector_ReproducesItsSignature()
    {
        var webhook = new StandardWebhook(WebhookSecret.Parse(VectorSecret));
        Assert.Equal(VectorSignature, webhook.Sign(VectorId, VectorTime, VectorBody));
    }

    [Fact]
    public void Verify_OfTheReferenceVector_IsValidAndReturnsTheIdempotencyKey()
    {
        var result = At(VectorTimestamp).Verify(VectorId, "1614265330", VectorSignature, VectorBody);

        Assert.True(result.IsValid);
        Assert.Equal(VectorId, result.Id);
        Assert.Equal(VectorTime, result.Timestamp);
    }

    [Fact]
    public void Verify_OfTamperedBody_HasNoMatchingSignature()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"test": 2432232315}""");
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, At(VectorTimestamp).Verify(VectorId, "1614265330", VectorSignature, tampered).Failure);
    }

    [Fact]
    public void Verify_OfReserialisedBody_HasNoMatchingSignature()
    {
        var reserialised = Encoding.UTF8.GetBytes("""{"test":2432232314}""");
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, At(VectorTimestamp).Verify(VectorId, "1614265330", VectorSignature, reserialised).Failure);
    }

    [Fact]
    public void Verify_WithOtherId_HasNoMatchingSignature()
    {
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, At(VectorTimestamp).Verify("msg_other", "1614265330", VectorSignature, VectorBody).Failure);
    }

    [Fact]
    public void Verify_WithWrongSecret_HasNoMatchingSignature()
    {
        var webhook = new StandardWebhook(WebhookSecret.Generate(), new FixedTimeProvider(VectorTime));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, webhook.Verify(VectorId, "1614265330", VectorSignature, VectorBody).Failure);
    }

    [Theory]
    [InlineData(-300, WebhookVerificationFailure.None)]
    [InlineData(300, WebhookVerificationFailure.None)]
    [InlineData(301, WebhookVerificationFailure.TimestampTooOld)]
    [InlineData(86_400, WebhookVerificationFailure.TimestampTooOld)]
    [InlineData(-301, WebhookVerificationFailure.TimestampTooNew)]
    public void Verify_EnforcesTheFiveMinuteTolerance(long nowMinusTimestamp, WebhookVerificationFailure failure)
    {
        var result = At(VectorTimestamp + nowMinusTimestamp).Verify(VectorId, "1614265330", VectorSignature, VectorBody);
        Assert.Equal(failure, result.Failure);
    }

    [Fact]
    public void Verify_WithCustomTolerance_UsesIt()
    {
        var webhook = new StandardWebhook(
            WebhookSecret.Parse(VectorSecret), new FixedTimeProvider(VectorTime.AddSeconds(61)), TimeSpan.FromMinutes(1));
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, webhook.Verify(VectorId, "1614265330", VectorSignature, VectorBody).Failure);
    }

    [Theory]
    [InlineData(null, "1614265330", VectorSignature, WebhookVerificationFailure.MissingId)]
    [InlineData("", "1614265330", VectorSignature, WebhookVerificationFailure.MissingId)]
    [InlineData(VectorId, null, VectorSignature, WebhookVerificationFailure.MissingTimestamp)]
    [InlineData(VectorId, "", VectorSignature, WebhookVerificationFailure.MissingTimestamp)]
    [InlineData(VectorId, "1614265330", null, WebhookVerificationFailure.MissingSignature)]
    [InlineData(VectorId, "1614265330", "", WebhookVerificationFailure.MissingSignature)]
    [InlineData(VectorId, "abc", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    [InlineData(VectorId, "-1614265330", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    [InlineData(VectorId, "1614265330.0", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    [InlineData(VectorId, " 1614265330", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    [InlineData(VectorId, "1614265330abc", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    [InlineData(VectorId, "99999999999999999999", VectorSignature, WebhookVerificationFailure.InvalidTimestamp)]
    public void Verify_OfMissingOrMalformedHeaders_NamesTheProblem(string? id, string? timestamp, string? signature, WebhookVerificationFailure failure)
    {
        Assert.Equal(failure, At(VectorTimestamp).Verify(id, timestamp, signature, VectorBody).Failure);
    }

    [Theory]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=AAAA")]
    [InlineData("v1,!!!")]
    public void Verify_OfSignatureWithWrongVersionOrEncoding_HasNoMatchingSignature(string signature)
    {
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, At(VectorTimestamp).Verify(VectorId, "1614265330", signature, VectorBody).Failure);
    }

    [Fact]
    public void Verify_OfSeveralSignatures_AcceptsAnyMatch()
    {
        var header = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== "
            + "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=  " + VectorSignature;
        Assert.True(At(VectorTimestamp).Verify(VectorId, "1614265330", header, VectorBody).IsValid);
    }

    [Fact]
    public void Verify_DuringKeyRotation_AcceptsEitherSecret()
    {
        var oldSecret = WebhookSecret.Parse(VectorSecret);
        var newSecret = WebhookSecret.Generate();
        var clock = new FixedTimeProvider(VectorTime);
        var receiver = new StandardWebhook([newSecret, oldSecret], clock);

        Assert.True(receiver.Verify(VectorId, "1614265330", VectorSignature, VectorBody).IsValid);
        var byNewSecret = new StandardWebhook(newSecret).Sign(VectorId, VectorTime, VectorBody);
        Assert.True(receiver.Verify(VectorId, "1614265330", byNewSecret, VectorBody).IsValid);
    }

    [Fact]
    public void Sign_WithSeveralSecrets_EmitsOneSignatureEachThatVerifiesAlone()
    {
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();
        var header = new StandardWebhook([first, second]).Sign("msg_1", VectorTime, VectorBody);

        var entries = header.Split(' ');
        Assert.Equal(2, entries.Length);
        Assert.All(entries, entry => Assert.StartsWith("v1,", entry, StringComparison.Ordinal));
        Assert.True(new StandardWebhook(second, new FixedTimeProvider(VectorTime)).Verify("msg_1", "1614265330", header, VectorBody).IsValid);
    }

    [Theory]
    [InlineData("msg.1")]
    [InlineData("")]
    public void Sign_WithAmbiguousOrEmptyId_Throws(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => new StandardWebhook(WebhookSecret.Generate()).Sign(id, VectorTime, VectorBody));
    }

    [Fact]
    public void Constructor_WithoutSecretsOrWithNegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentException>(() => new StandardWebhook(Array.Empty<WebhookSecret>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardWebhook(WebhookSecret.Generate(), tolerance: TimeSpan.FromSeconds(-1)));
    }

    private static StandardWebhook At(long unixSeconds) =>
        new(WebhookSecret.Parse(VectorSecret), new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
