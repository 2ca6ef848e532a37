using Daarion.Crypto;
using Daarion.Crypto.Ethereum;
using Daarion.Testing;

namespace Daarion.Adapters.Evm.Tests;

public sealed class EvmOptionsTests
{
    private const string SecretKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static EvmOptions Valid() => new()
    {
        RpcUrl = "https://rpc.example.org/v3/api-key-in-path",
        ChainId = 137,
        Signer = EvmSignerMode.Local,
        PrivateKey = SecretKey,
        PayoutContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    };

    [Fact]
    public void Validate_OfAValidLocalSetup_FindsNothing() => Assert.Empty(Valid().Validate());

    [Fact]
    public void Validate_NamesEveryBadOption()
    {
        var options = new EvmOptions
        {
            RpcUrl = "ws://node:8546",
            Confirmations = 0,
            RequestTimeout = TimeSpan.Zero,
            ReceiptTimeout = TimeSpan.FromSeconds(-1),
            ReceiptPollInterval = TimeSpan.Zero,
            GasLimitMarginPercent = -1,
            MaxFeePerGasGwei = 0.0000000001m,
        };

        var problems = string.Join('\n', options.Validate());

        foreach (var option in new[]
        {
            "Evm:RpcUrl", "Evm:ChainId", "Evm:PrivateKey or Evm:PrivateKeyFile", "Evm:PayoutContract", "Evm:Confirmations",
            "Evm:RequestTimeout", "Evm:ReceiptTimeout", "Evm:ReceiptPollInterval", "Evm:GasLimitMarginPercent", "Evm:MaxFeePerGasGwei",
        })
        {
            Assert.Contains(option, problems, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_OfAMalformedKey_NamesTheOptionButNotTheValue()
    {
        var options = Valid();
        options.PrivateKey = SecretKey[..^2];

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith("Evm:PrivateKey", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey[2..20], problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_ReadsTheKeyFromAFile()
    {
        using var directory = new TempDirectory();
        var path = directory.Sub("signer.key");
        File.WriteAllText(path, SecretKey + "\n");
        var options = Valid();
        options.PrivateKey = null;
        options.PrivateKeyFile = path;

        Assert.Empty(options.Validate());
        options.PrivateKeyFile = directory.Sub("missing.key");
        Assert.StartsWith("Evm:PrivateKeyFile", Assert.Single(options.Validate()), StringComparison.Ordinal);
        options.PrivateKey = SecretKey;
        Assert.Contains("exclude each other", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ForNodeSigning_RequiresTheAccountAndRefusesAnUnusedKey()
    {
        var options = Valid();
        options.Signer = EvmSignerMode.Node;

        var problems = options.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("Evm:NodeAccount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Evm:PrivateKey / Evm:PrivateKeyFile must not be set", StringComparison.Ordinal));
        options.PrivateKey = null;
        options.NodeAccount = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void ToString_ShowsNeitherTheKeyNorTheUrlPath()
    {
        var text = Valid().ToString();

        Assert.DoesNotContain(SecretKey[2..], text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("api-key-in-path", text, StringComparison.Ordinal);
        Assert.Contains("(redacted)", text, StringComparison.Ordinal);
        Assert.Contains("https://rpc.example.org:443", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxFeePerGasWei_IsTheGweiCapInWei() =>
        Assert.Equal(new System.Numerics.BigInteger(1_500_000_000), new EvmOptions { MaxFeePerGasGwei = 1.5m }.MaxFeePerGasWei);

    [Fact]
    public void TheLoadedKey_IsTheConfiguredOne()
    {
        using var key = EvmKeySource.Load(Valid());

        Assert.True(Hex.TryDecode(SecretKey, out var bytes));
        Assert.Equal(EthereumAddress.FromPublicKey(Secp256k1.GetPublicKey(bytes)), key.Address);
        Assert.DoesNotContain(SecretKey[2..], key.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
