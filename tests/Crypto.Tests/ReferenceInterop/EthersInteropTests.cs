using System.Security.Cryptography;
using System.Text;
using Daarion.Crypto.Ethereum;
using Daarion.Crypto.Tests.Ethereum;
using Daarion.Testing;

namespace Daarion.Crypto.Tests.ReferenceInterop;

[Collection(NodeInteropCollection.Name)]
public sealed class EthersInteropTests(NodeInterop node)
{
    // Text with multi-byte UTF-8, line breaks and an empty string, plus raw bytes that are not UTF-8.
    private static readonly Payload[] Messages =
    [
        new("Hello World", null),
        new("", null),
        new("Привіт, DAARION ☀️\nline two\n", null),
        new(null, "0xff00fe"),
    ];

    [Fact]
    public async Task PersonalSign_ByEthersWallet_RecoversToItsAddress()
    {
        var output = await node.RunAsync<SignedMessages>("ethers.mjs", "sign-messages", new { messages = Messages });
        var address = EthereumAddress.Parse(output.Address);

        for (var i = 0; i < Messages.Length; i++)
        {
            var bytes = Messages[i].Bytes;
            Assert.True(Hex.TryDecode(output.Signatures[i], out var signature));
            Assert.True(PersonalSign.TryRecoverAddress(bytes, signature, out var recovered, out var error), error.ToString());
            Assert.Equal(address, recovered);
            Assert.False(PersonalSign.Verify([.. bytes, 0], signature, address));
        }
    }

    [Fact]
    public async Task PersonalSign_ByUs_IsRecoveredByEthersVerifyMessage()
    {
        using var key = EthereumKey.Generate();
        var items = Messages
            .Select(message => new { message.Text, message.Hex, signature = PersonalSign.Sign(message.Bytes, key).ToString() })
            .ToArray();

        var recovered = await node.RunAsync<Recovered[]>("ethers.mjs", "verify-messages", new { items });

        Assert.All(recovered, r => Assert.Equal(key.Address.ToString(), r.Address));
    }

    [Fact]
    public async Task SignHash_IsByteForByteTheSameAsEthersSigningKey()
    {
        // RFC 6979 makes signatures deterministic, so two correct implementations must agree exactly.
        var privateKey = RandomNumberGenerator.GetBytes(32);
        using var key = EthereumKey.FromPrivateKey(privateKey);
        var hashes = Enumerable.Range(0, 16).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();

        var output = await node.RunAsync<SignedHashes>(
            "ethers.mjs", "sign-hashes", new { privateKey = Hex.Encode(privateKey), hashes = hashes.Select(h => Hex.Encode(h)).ToArray() });

        Assert.Equal(hashes.Select(h => key.SignHash(h).ToString()), output.Signatures);
    }

    [Fact]
    public async Task HighSSignature_IsRefusedByUs_WhileItsLowSOriginalPassesEthers()
    {
        using var key = EthereumKey.Generate();
        var signature = PersonalSign.Sign("login", key);
        var twin = PersonalSignTests.HighSTwin(signature);

        var recovered = await node.RunAsync<Recovered[]>(
            "ethers.mjs", "verify-messages", new { items = new[] { new { text = "login", signature = signature.ToString() } } });

        Assert.Equal(key.Address.ToString(), recovered[0].Address);
        Assert.False(PersonalSign.Verify("login", twin, key.Address));
    }

    // A message as the script takes it: UTF-8 text, or raw bytes as hex.
    private sealed record Payload(string? Text, string? Hex)
    {
        public byte[] Bytes => Hex is null ? Encoding.UTF8.GetBytes(Text!) : Convert.FromHexString(Hex[2..]);
    }

    private sealed record SignedMessages(string Address, string[] Signatures);

    private sealed record SignedHashes(string[] Signatures);

    private sealed record Recovered(string? Address, string? Error);
}
