using System.Globalization;
using System.Numerics;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm;

/// <summary>
/// Settings of the chain client, bound from the "Evm" configuration section (e.g. <c>Evm__RpcUrl</c>,
/// <c>Evm__PrivateKey</c> from a secret). <see cref="Validate"/> names every bad option; <see cref="ToString"/>
/// never shows the key.
/// </summary>
public sealed class EvmOptions
{
    public const string Section = "Evm";

    private const decimal WeiPerGwei = 1_000_000_000m;
    private const decimal MaxGwei = 1_000_000m;

    /// <summary>The node's JSON-RPC URL (http or https). It may carry a provider's API key; only scheme, host and port are logged.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>The chain the transactions are for; the node must report the same eth_chainId before anything is sent.</summary>
    public ulong ChainId { get; set; }

    public EvmSignerMode Signer { get; set; } = EvmSignerMode.Local;

    /// <summary>Local signer: the hex private key. Supply it from a secret store or environment, never a committed file.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Local signer: a file holding the hex private key (a mounted Kubernetes secret); instead of <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Node signer: the account the node holds unlocked and signs with.</summary>
    public string? NodeAccount { get; set; }

    /// <summary>The deployed PayoutSettlement contract.</summary>
    public string? PayoutContract { get; set; }

    public EvmTransactionType TransactionType { get; set; } = EvmTransactionType.Eip1559;

    /// <summary>Blocks, the transaction's own included, before a settlement counts as final; 1 accepts it once mined.</summary>
    public int Confirmations { get; set; } = 1;

    /// <summary>The longest one JSON-RPC call may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a transaction to be mined and confirmed before reporting it pending.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Added to eth_estimateGas's figure, since state can change between estimate and inclusion.</summary>
    public int GasLimitMarginPercent { get; set; } = 20;

    /// <summary>A send whose fee per gas would exceed this (in gwei, at most 9 decimals) is refused instead of overpaying during a spike.</summary>
    public decimal MaxFeePerGasGwei { get; set; } = 500m;

    /// <summary><see cref="MaxFeePerGasGwei"/> in wei.</summary>
    public BigInteger MaxFeePerGasWei => new(MaxFeePerGasGwei * WeiPerGwei);

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            yield return "Evm:RpcUrl must be an absolute http or https URL.";
        if (ChainId == 0) yield return "Evm:ChainId must be set to the chain's id (e.g. 1 for Ethereum, 31337 for anvil).";
        foreach (var problem in SignerProblems()) yield return problem;
        if (!EthereumAddress.TryParse(PayoutContract, out _)) yield return "Evm:PayoutContract must be the settlement contract's address (0x + 40 hex digits).";
        if (!Enum.IsDefined(TransactionType)) yield return "Evm:TransactionType must be Eip1559 or Legacy.";
        if (Confirmations < 1) yield return "Evm:Confirmations must be at least 1.";
        if (RequestTimeout <= TimeSpan.Zero) yield return "Evm:RequestTimeout must be positive.";
        if (ReceiptTimeout <= TimeSpan.Zero) yield return "Evm:ReceiptTimeout must be positive.";
        if (ReceiptPollInterval <= TimeSpan.Zero) yield return "Evm:ReceiptPollInterval must be positive.";
        if (GasLimitMarginPercent is < 0 or > 200) yield return "Evm:GasLimitMarginPercent must be between 0 and 200.";
        if (MaxFeePerGasGwei <= 0 || MaxFeePerGasGwei > MaxGwei || decimal.Round(MaxFeePerGasGwei * WeiPerGwei) != MaxFeePerGasGwei * WeiPerGwei)
            yield return $"Evm:MaxFeePerGasGwei must be above 0 and at most {MaxGwei} with at most 9 decimals (a whole number of wei).";
    }

    /// <summary>The settings without the key material.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Evm {{ RpcUrl = {RedactedUrl()}, ChainId = {ChainId}, Signer = {Signer}, PrivateKey = {(PrivateKey is null ? "unset" : "(redacted)")}, "
        + $"PrivateKeyFile = {PrivateKeyFile ?? "unset"}, NodeAccount = {NodeAccount ?? "unset"}, PayoutContract = {PayoutContract ?? "unset"}, "
        + $"TransactionType = {TransactionType}, Confirmations = {Confirmations}, RequestTimeout = {RequestTimeout}, ReceiptTimeout = {ReceiptTimeout}, "
        + $"ReceiptPollInterval = {ReceiptPollInterval}, GasLimitMarginPercent = {GasLimitMarginPercent}, MaxFeePerGasGwei = {MaxFeePerGasGwei} }}");

    private IEnumerable<string> SignerProblems()
    {
        var hasKey = !string.IsNullOrWhiteSpace(PrivateKey);
        var hasKeyFile = !string.IsNullOrWhiteSpace(PrivateKeyFile);
        switch (Signer)
        {
            case EvmSignerMode.Local when hasKey && hasKeyFile:
                yield return "Evm:PrivateKey and Evm:PrivateKeyFile exclude each other.";
                break;
            case EvmSignerMode.Local when !hasKey && !hasKeyFile:
                yield return "Evm:PrivateKey or Evm:PrivateKeyFile is required when Evm:Signer is Local.";
                break;
            case EvmSignerMode.Local:
                if (!EvmKeySource.TryLoad(this, out var key, out var error))
                    yield return error;
                key?.Dispose();
                break;
            case EvmSignerMode.Node:
                if (!EthereumAddress.TryParse(NodeAccount, out _))
                    yield return "Evm:NodeAccount must be the node's unlocked account (0x + 40 hex digits) when Evm:Signer is Node.";
                if (hasKey || hasKeyFile)
                    yield return "Evm:PrivateKey / Evm:PrivateKeyFile must not be set when Evm:Signer is Node; remove the unused secret.";
                break;
            default:
                yield return "Evm:Signer must be Local or Node.";
                break;
        }
    }

    private string RedactedUrl() => Uri.TryCreate(RpcUrl, UriKind.Absolute, out var url) ? EvmRpcClient.Redact(url) : "(invalid)";
}
