using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Siwe;

namespace Daarion.Crypto.Tests.Siwe;

internal static class SiweSamples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // The example message of EIP-4361 itself (with its optional fields), used as a grammar fixture.
    public const string Eip4361Example =
        """
        service.invalid wants you to sign in with your Ethereum account:
        0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

        I accept the ServiceOrg Terms of Service: https://service.invalid/tos

        URI: https://service.invalid/login
        Version: 1
        Chain ID: 1
        Nonce: 32891756
        Issued At: 2021-09-30T16:25:24Z
        Resources:
        - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
        - https://example.com/my-web2-claim.json
        """;

    public static SiweMessage For(EthereumAddress address) => new()
    {
        Scheme = "https",
        Domain = "app.daarion.city",
        Address = address,
        Statement = "Sign in to DAARION.",
        Uri = "https://app.daarion.city/login",
        ChainId = 1,
        Nonce = "n0nce1234abcd",
        IssuedAt = Now.AddMinutes(-1),
        ExpirationTime = Now.AddMinutes(10),
        NotBefore = Now.AddMinutes(-2),
        RequestId = "req-42",
        Resources = ["https://app.daarion.city/v1/wallets", "ipfs://bafy/x"],
    };

    public static SiweVerificationOptions Options => new()
    {
        Domain = "app.daarion.city",
        Nonce = "n0nce1234abcd",
    };
}
