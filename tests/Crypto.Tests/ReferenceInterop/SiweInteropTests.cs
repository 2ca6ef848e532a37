using System.Globalization;
using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;
using Daarion.Testing;

namespace Daarion.Crypto.Tests.ReferenceInterop;

[Collection(NodeInteropCollection.Name)]
public sealed class SiweInteropTests(NodeInterop node)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-01T12:00:00.000Z", CultureInfo.InvariantCulture);
    private static readonly SiweVerifier Verifier = new(new FixedTimeProvider(Now));

    // Cases covering every optional part of the grammar, as the reference library writes them.
    private static readonly object[] Cases =
    [
        new { domain = "app.daarion.city", uri = "https://app.daarion.city/login", chainId = 1 },
        new { domain = "app.daarion.city", uri = "https://app.daarion.city/login", chainId = 1, statement = "Sign in to DAARION." },
        new { domain = "app.daarion.city", uri = "https://app.daarion.city/login", chainId = 1, statement = "" },
        new
        {
            scheme = "https", domain = "app.daarion.city", uri = "https://app.daarion.city/login", chainId = 137,
            statement = "I accept the terms: https://app.daarion.city/tos", issuedAtMinutes = -1,
            expirationMinutes = 10, notBeforeMinutes = -1, requestId = "req-42",
            resources = new[] { "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://app.daarion.city/v1/wallets" },
        },
        new { domain = "localhost:8080", uri = "http://localhost:8080/", chainId = 31337, resources = Array.Empty<string>() },
    ];

    [Fact]
    public async Task MessagesFromSiweSignedByEthersWallets_Verify()
    {
        var signed = await node.RunAsync<SignedSiwe[]>("siwe.mjs", "sign", new { now = Now.ToString("O", CultureInfo.InvariantCulture), cases = Cases });

        Assert.Equal(Cases.Length, signed.Length);
        foreach (var item in signed)
        {
            var expectedDomain = SiweMessageParser.Parse(item.Message).Domain;
            var result = Verifier.Verify(item.Message, item.Signature, new SiweVerificationOptions { Domain = expectedDomain, Nonce = item.Nonce });

            Assert.True(result.IsValid, $"{result.Failure} {result.ParseError} for:\n{item.Message}");
            Assert.Equal(EthereumAddress.Parse(item.Address), result.Address);
        }
    }

    [Fact]
    public async Task MessageFromSiwe_WithWrongNonceOrTamperedText_IsRefused()
    {
        var signed = (await node.RunAsync<SignedSiwe[]>("siwe.mjs", "sign", new { now = Now.ToString("O", CultureInfo.InvariantCulture), cases = Cases }))[1];
        var options = new SiweVerificationOptions { Domain = "app.daarion.city", Nonce = signed.Nonce };

        Assert.Equal(SiweVerificationFailure.NonceMismatch, Verifier.Verify(signed.Message, signed.Signature, options with { Nonce = "otherNonce123" }).Failure);
        var tampered = signed.Message.Replace("Sign in to DAARION.", "Sign in to DAARION!", StringComparison.Ordinal);
        Assert.Equal(SiweVerificationFailure.SignatureMismatch, Verifier.Verify(tampered, signed.Signature, options).Failure);
    }

    [Fact]
    public async Task MessagesBuiltAndSignedByUs_PassSiweVerifyAndKeepTheirExactText()
    {
        using var key = EthereumKey.Generate();
        var nonce = SiweNonce.Generate();
        SiweMessage[] messages =
        [
            new()
            {
                Domain = "app.daarion.city", Address = key.Address, Uri = "https://app.daarion.city/login",
                ChainId = 1, Nonce = nonce, IssuedAt = Now.AddMinutes(-1),
            },
            new()
            {
                Scheme = "https", Domain = "app.daarion.city", Address = key.Address, Statement = "Sign in to DAARION.",
                Uri = "https://app.daarion.city/login", ChainId = 137, Nonce = nonce, IssuedAt = Now.AddMinutes(-1),
                ExpirationTime = Now.AddMinutes(10), NotBefore = Now.AddMinutes(-1).AddMilliseconds(250), RequestId = "req-42",
                Resources = ["ipfs://bafy/x", "https://app.daarion.city/v1/wallets"],
            },
        ];
        var items = messages.Select(message =>
        {
            var text = SiweMessageBuilder.Build(message);
            return new VerifyItem(text, PersonalSign.Sign(text, key).ToString(), "app.daarion.city", nonce, Now.ToString("O", CultureInfo.InvariantCulture));
        }).ToList();
        // A control the reference library must refuse, so a vacuous harness cannot pass.
        items.Add(items[0] with { Signature = PersonalSign.Sign(items[0].Message + " ", key).ToString() });

        var results = await node.RunAsync<SiweVerdict[]>("siwe.mjs", "verify", new { items });

        Assert.All(results[..^1], result =>
        {
            Assert.True(result.Success, result.Error);
            Assert.True(result.SameText);
        });
        Assert.False(results[^1].Success);
    }

    private sealed record SignedSiwe(string Message, string Signature, string Address, string Nonce);

    private sealed record VerifyItem(string Message, string Signature, string Domain, string Nonce, string Time);

    private sealed record SiweVerdict(bool Success, bool SameText, string? Error);
}
