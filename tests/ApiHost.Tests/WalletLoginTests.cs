using System.Globalization;
using System.Security.Cryptography;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

/// <summary>
/// Sign-In with Ethereum end to end: our challenge's nonce goes into a message written by the reference `siwe`
/// library and signed by an `ethers` wallet (tests/Crypto.Tests/interop), which the host must accept once.
/// </summary>
public sealed class WalletLoginTests(NodeInterop node) : IClassFixture<NodeInterop>
{
    private const string Domain = "app.daarion.test";

    private static readonly Dictionary<string, string?> Settings = new() { ["Auth:Siwe:Domain"] = Domain, ["Auth:Siwe:ChainId"] = "1" };

    [Fact]
    public async Task AMessageFromSiwe_SignedByAnEthersWallet_SignsIn_Once()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(Settings);
        var anonymous = new LedgerClient(api.CreateClient());
        using var wallet = new Signer();
        var nonce = await ChallengeAsync(anonymous, wallet.Address);
        var signed = await SignAsync(wallet, new { domain = Domain, uri = $"https://{Domain}/login", chainId = 1, nonce, statement = "Sign in to DAARION." });

        var login = await anonymous.PostAsync("/v1/auth/login/wallet", new { address = wallet.Address, signed.Signature, signed.Message });

        Expect(login, 200);
        var body = await Json(login);
        Assert.Equal(wallet.Address.ToLowerInvariant(), body.GetProperty("user").GetProperty("walletAddress").GetString());
        var me = await Json(await WithToken(api, body.GetProperty("token").GetString()!).GetAsync("/v1/auth/whoami"));
        Assert.Equal(body.GetProperty("user").GetProperty("id").GetGuid().ToString(), me.GetProperty("id").GetString());
        // The same signed message again: its nonce was used.
        var replay = await Problem(await anonymous.PostAsync("/v1/auth/login/wallet", new { address = wallet.Address, signed.Signature, signed.Message }), 401, "login-failed");
        Assert.Contains("used already", replay.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMessageForAnotherDomain_IsRefused_AndItsNonceIsSpent()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(Settings);
        var anonymous = new LedgerClient(api.CreateClient());
        using var wallet = new Signer();
        var nonce = await ChallengeAsync(anonymous, wallet.Address);
        var phished = await SignAsync(wallet, new { domain = "daarion.phish.example", uri = "https://daarion.phish.example/", chainId = 1, nonce });
        var genuine = await SignAsync(wallet, new { domain = Domain, uri = $"https://{Domain}/", chainId = 1, nonce });

        var refused = await Problem(await anonymous.PostAsync("/v1/auth/login/wallet", new { address = wallet.Address, phished.Signature, phished.Message }), 401, "login-failed");

        Assert.Contains("DomainMismatch", refused.GetProperty("detail").GetString());
        await Problem(await anonymous.PostAsync("/v1/auth/login/wallet", new { address = wallet.Address, genuine.Signature, genuine.Message }), 401, "login-failed");
    }

    [Fact]
    public async Task ExpiredTamperedWrongChainOrSomeoneElsesMessages_AreRefused()
    {
        await using var api = await ApiFactory.WithSharedServersAsync(Settings);
        var anonymous = new LedgerClient(api.CreateClient());
        using var wallet = new Signer();
        using var thief = new Signer();

        var expired = await SignAsync(wallet, new { domain = Domain, uri = $"https://{Domain}/", chainId = 1, nonce = await ChallengeAsync(anonymous, wallet.Address), issuedAtMinutes = -3, expirationMinutes = -1 });
        var wrongChain = await SignAsync(wallet, new { domain = Domain, uri = $"https://{Domain}/", chainId = 137, nonce = await ChallengeAsync(anonymous, wallet.Address) });
        var tampered = await SignAsync(wallet, new { domain = Domain, uri = $"https://{Domain}/", chainId = 1, nonce = await ChallengeAsync(anonymous, wallet.Address), statement = "Sign in." });
        var foreignNonce = await SignAsync(thief, new { domain = Domain, uri = $"https://{Domain}/", chainId = 1, nonce = await ChallengeAsync(anonymous, wallet.Address) });

        Assert.Contains("Expired", await DetailAsync(anonymous, wallet.Address, expired.Signature, expired.Message));
        Assert.Contains("ChainIdMismatch", await DetailAsync(anonymous, wallet.Address, wrongChain.Signature, wrongChain.Message));
        Assert.Contains("SignatureMismatch", await DetailAsync(anonymous, wallet.Address, tampered.Signature, tampered.Message.Replace("Sign in.", "Sign in!", StringComparison.Ordinal)));
        Assert.Contains("same", await DetailAsync(anonymous, thief.Address, foreignNonce.Signature, foreignNonce.Message));
        Assert.Contains("EIP-4361", await DetailAsync(anonymous, wallet.Address, "0x00", "hello"));
        await Problem(await anonymous.PostAsync("/v1/auth/challenge", new { address = "0x1234" }), 422, "invalid-request");
    }

    private static async Task<string> ChallengeAsync(LedgerClient anonymous, string address)
    {
        var response = await anonymous.PostAsync("/v1/auth/challenge", new { address });
        Expect(response, 200);
        var body = await Json(response);
        Assert.InRange(body.GetProperty("expiresAt").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 200, 301);
        return body.GetProperty("nonce").GetString()!;
    }

    private async Task<SignedSiwe> SignAsync(Signer wallet, object message)
    {
        var fields = System.Text.Json.JsonSerializer.SerializeToNode(message)!.AsObject();
        fields["privateKey"] = wallet.PrivateKeyHex;
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return (await node.RunAsync<SignedSiwe[]>("siwe.mjs", "sign", new { now, cases = new[] { fields } }))[0];
    }

    private static async Task<string> DetailAsync(LedgerClient anonymous, string address, string signature, string message) =>
        (await Problem(await anonymous.PostAsync("/v1/auth/login/wallet", new { address, signature, message }), 401, "login-failed")).GetProperty("detail").GetString()!;

    private sealed record SignedSiwe(string Message, string Signature, string Address, string Nonce);

    /// <summary>A random wallet whose key the reference library signs with; we know only its address.</summary>
    private sealed class Signer : IDisposable
    {
        private readonly byte[] _privateKey = RandomNumberGenerator.GetBytes(32);

        public Signer()
        {
            using var key = EthereumKey.FromPrivateKey(_privateKey);
            Address = key.Address.ToString();
        }

        public string Address { get; }

        public string PrivateKeyHex => Hex.Encode(_privateKey);

        public void Dispose() => CryptographicOperations.ZeroMemory(_privateKey);
    }
}
