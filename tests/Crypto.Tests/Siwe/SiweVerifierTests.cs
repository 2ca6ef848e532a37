using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;
using Daarion.Crypto.Tests.Ethereum;

namespace Daarion.Crypto.Tests.Siwe;

public sealed class SiweVerifierTests : IDisposable
{
    private readonly EthereumKey _key = EthereumKey.Generate();
    private readonly SiweVerifier _verifier = new(new FixedTimeProvider(SiweSamples.Now));

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Verify_OfSignedMessage_ReturnsTheAddress()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));

        var result = _verifier.Verify(text, signature, SiweSamples.Options with { Scheme = "https", ChainId = 1, Uri = "https://app.daarion.city/login" });

        Assert.True(result.IsValid, result.Failure.ToString());
        Assert.Equal(_key.Address, result.Address);
        Assert.Equal(_key.Address, result.RecoveredAddress);
        Assert.Equal("req-42", result.Message!.RequestId);
    }

    [Fact]
    public void Verify_AcceptsHexSignatureAndRawRecoveryId()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));
        signature[64] -= 27;

        Assert.True(_verifier.Verify(text, Hex.Encode(signature), SiweSamples.Options).IsValid);
        Assert.True(_verifier.Verify(text, Convert.ToHexString(signature), SiweSamples.Options).IsValid);
    }

    [Fact]
    public void Verify_OfTamperedMessage_IsASignatureMismatch()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));
        var tampered = text.Replace("Chain ID: 1", "Chain ID: 10", StringComparison.Ordinal);

        var result = _verifier.Verify(tampered, signature, SiweSamples.Options);

        Assert.Equal(SiweVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Null(result.Address);
        Assert.NotEqual(_key.Address, result.RecoveredAddress);
    }

    [Fact]
    public void Verify_OfMessageNamingAnotherAddress_IsASignatureMismatch()
    {
        using var victim = EthereumKey.Generate();
        var (text, signature) = Signed(SiweSamples.For(victim.Address));

        var result = _verifier.Verify(text, signature, SiweSamples.Options);

        Assert.Equal(SiweVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Equal(_key.Address, result.RecoveredAddress);
    }

    public static TheoryData<Func<SiweVerificationOptions, SiweVerificationOptions>, SiweVerificationFailure> Mismatches => new()
    {
        { o => o with { Domain = "evil.example" }, SiweVerificationFailure.DomainMismatch },
        { o => o with { Domain = "APP.DAARION.CITY" }, SiweVerificationFailure.DomainMismatch },
        { o => o with { Nonce = "n0nce1234abce" }, SiweVerificationFailure.NonceMismatch },
        { o => o with { Scheme = "http" }, SiweVerificationFailure.SchemeMismatch },
        { o => o with { ChainId = 137 }, SiweVerificationFailure.ChainIdMismatch },
        { o => o with { Uri = "https://app.daarion.city/other" }, SiweVerificationFailure.UriMismatch },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Verify_WhenAFieldDiffersFromExpected_NamesIt(
        Func<SiweVerificationOptions, SiweVerificationOptions> change, SiweVerificationFailure failure)
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));

        var result = _verifier.Verify(text, signature, change(SiweSamples.Options));

        Assert.Equal(failure, result.Failure);
        Assert.NotNull(result.Message);
        Assert.Null(result.Address);
    }

    [Fact]
    public void Verify_WithoutSchemeInMessage_TreatsItAsHttps()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address) with { Scheme = null });

        Assert.True(_verifier.Verify(text, signature, SiweSamples.Options with { Scheme = "HTTPS" }).IsValid);
        Assert.Equal(SiweVerificationFailure.SchemeMismatch, _verifier.Verify(text, signature, SiweSamples.Options with { Scheme = "http" }).Failure);
    }

    public static TheoryData<int, int?, int?, SiweVerificationFailure> TimeWindows => new()
    {
        // issued-at, expiration, not-before: minutes from now; skew is one minute.
        { -5, 10, null, SiweVerificationFailure.None },
        { -20, -10, null, SiweVerificationFailure.Expired },
        { -20, -1, null, SiweVerificationFailure.Expired },
        { -20, 0, null, SiweVerificationFailure.None },
        { -5, null, 10, SiweVerificationFailure.NotYetValid },
        { -5, null, 2, SiweVerificationFailure.NotYetValid },
        { -5, null, 1, SiweVerificationFailure.None },
        { 5, null, null, SiweVerificationFailure.IssuedInFuture },
        { 1, null, null, SiweVerificationFailure.None },
    };

    [Theory]
    [MemberData(nameof(TimeWindows))]
    public void Verify_ChecksTheTimeWindowWithClockSkew(int issuedAt, int? expiration, int? notBefore, SiweVerificationFailure failure)
    {
        var message = SiweSamples.For(_key.Address) with
        {
            IssuedAt = SiweSamples.Now.AddMinutes(issuedAt),
            ExpirationTime = expiration is { } e ? SiweSamples.Now.AddMinutes(e) : null,
            NotBefore = notBefore is { } n ? SiweSamples.Now.AddMinutes(n) : null,
        };
        var (text, signature) = Signed(message);

        Assert.Equal(failure, _verifier.Verify(text, signature, SiweSamples.Options).Failure);
    }

    [Fact]
    public void Verify_AtTheExactExpirationInstant_IsExpired()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address) with { ExpirationTime = SiweSamples.Now });

        var result = _verifier.Verify(text, signature, SiweSamples.Options with { ClockSkew = TimeSpan.Zero });

        Assert.Equal(SiweVerificationFailure.Expired, result.Failure);
    }

    [Fact]
    public void Verify_WithMaxAge_RefusesOldMessagesWithoutExpiration()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address) with { IssuedAt = SiweSamples.Now.AddMinutes(-30), ExpirationTime = null });

        Assert.True(_verifier.Verify(text, signature, SiweSamples.Options).IsValid);
        Assert.Equal(
            SiweVerificationFailure.TooOld,
            _verifier.Verify(text, signature, SiweSamples.Options with { MaxAge = TimeSpan.FromMinutes(10) }).Failure);
    }

    [Fact]
    public void Verify_OfHighSSignature_IsMalformed()
    {
        var message = SiweSamples.For(_key.Address);
        var text = SiweMessageBuilder.Build(message);
        var twin = PersonalSignTests.HighSTwin(PersonalSign.Sign(text, _key));

        var result = _verifier.Verify(text, twin, SiweSamples.Options);

        Assert.Equal(SiweVerificationFailure.MalformedSignature, result.Failure);
        Assert.Equal(EcdsaSignatureError.HighS, result.SignatureError);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not hex")]
    [InlineData("")]
    public void Verify_OfMalformedSignatureText_IsMalformed(string signature)
    {
        var text = SiweMessageBuilder.Build(SiweSamples.For(_key.Address));

        var result = _verifier.Verify(text, signature, SiweSamples.Options);

        Assert.Equal(SiweVerificationFailure.MalformedSignature, result.Failure);
        Assert.Equal(EcdsaSignatureError.InvalidLength, result.SignatureError);
    }

    [Fact]
    public void Verify_OfMalformedMessage_ReportsTheParseError()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));
        var broken = SiweMessageParserTests.ReplaceLine(text, "Nonce: ", "short");

        var result = _verifier.Verify(broken, signature, SiweSamples.Options);

        Assert.Equal(SiweVerificationFailure.MalformedMessage, result.Failure);
        Assert.Equal(SiweField.Nonce, result.ParseError!.Field);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Verify_WithNegativeClockSkew_Throws()
    {
        var (text, signature) = Signed(SiweSamples.For(_key.Address));
        Assert.Throws<ArgumentOutOfRangeException>(() => _verifier.Verify(text, signature, SiweSamples.Options with { ClockSkew = TimeSpan.FromSeconds(-1) }));
    }

    private (string Text, byte[] Signature) Signed(SiweMessage message)
    {
        var text = SiweMessageBuilder.Build(message);
        return (text, PersonalSign.Sign(text, _key).ToBytes());
    }
}
