using Daarion.Adapters.Evm;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Sending;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Testing.Evm;

/// <summary>The client's parts wired by hand against the local chain, with short polls and a recorded log.</summary>
public sealed class EvmStack : IDisposable
{
    private readonly ILoggerFactory _loggers;

    private EvmStack(LocalChain chain, Func<EvmRpcClient, IEvmSigner> createSigner, Action<EvmOptions>? configure)
    {
        Options = new EvmOptions
        {
            RpcUrl = chain.RpcUrl.ToString(),
            ChainId = LocalChain.ChainId,
            Confirmations = 1,
            RequestTimeout = TimeSpan.FromSeconds(5),
            ReceiptTimeout = TimeSpan.FromSeconds(10),
            ReceiptPollInterval = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(Options);
        _loggers = Log.CreateFactory();
        Rpc = new EvmRpcClient(new Uri(Options.RpcUrl), Options.RequestTimeout, _loggers.CreateLogger<EvmRpcClient>());
        Signer = createSigner(Rpc);
        Nonces = new NonceManager(Rpc, _loggers.CreateLogger<NonceManager>());
        Sender = new TransactionSender(Rpc, Signer, Nonces, Options, _loggers.CreateLogger<TransactionSender>());
        Waiter = new ReceiptWaiter(Rpc, Options, TimeProvider.System, _loggers.CreateLogger<ReceiptWaiter>());
    }

    public LogRecorder Log { get; } = new();

    public EvmOptions Options { get; }

    public EvmRpcClient Rpc { get; }

    public IEvmSigner Signer { get; }

    public NonceManager Nonces { get; }

    public TransactionSender Sender { get; }

    public ReceiptWaiter Waiter { get; }

    /// <summary>Signs locally with <paramref name="key"/> (eth_sendRawTransaction).</summary>
    public static EvmStack WithKey(LocalChain chain, EthereumKey key, Action<EvmOptions>? configure = null) =>
        new(chain, rpc => new LocalKeySigner(key, rpc), configure);

    /// <summary>Lets anvil sign for its unlocked <paramref name="account"/> (eth_sendTransaction).</summary>
    public static EvmStack WithNodeAccount(LocalChain chain, EthereumAddress account, Action<EvmOptions>? configure = null) =>
        new(chain, rpc => new NodeSigner(account, rpc), configure);

    /// <summary>Deploys a fresh PayoutSettlement whose settler is this stack's account; every test gets its own.</summary>
    public async Task<PayoutSettlement> DeploySettlementAsync(byte decimals = 6)
    {
        var contract = await PayoutSettlement.DeployAsync(
            Sender, Waiter, new PayoutSettlementDeployment("DAARION KWT", "KWT", decimals, Sender.From, Sender.From));
        return Settlement(contract);
    }

    public PayoutSettlement Settlement(EthereumAddress contract) =>
        new(contract, Sender, Waiter, Rpc, _loggers.CreateLogger<PayoutSettlement>());

    public void Dispose()
    {
        (Signer as IDisposable)?.Dispose();
        Rpc.Dispose();
        _loggers.Dispose();
    }
}
