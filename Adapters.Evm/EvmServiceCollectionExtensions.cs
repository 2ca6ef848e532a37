using Daarion.Adapters.Evm.Payouts;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Sending;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daarion.Adapters.Evm;

public static class EvmServiceCollectionExtensions
{
    /// <summary>
    /// Adds the chain client and <see cref="IPayoutSettlement"/>, configured from the "Evm" section and validated at
    /// start. Evm:Signer picks the signer: Local (a key from Evm:PrivateKey / Evm:PrivateKeyFile) or Node
    /// (eth_sendTransaction from Evm:NodeAccount).
    /// </summary>
    public static IServiceCollection AddEvmPayoutSettlement(this IServiceCollection services)
    {
        services.AddOptions<EvmOptions>().BindConfiguration(EvmOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvmOptions>, EvmOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EvmOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<EvmOptions>();
            return new EvmRpcClient(new Uri(options.RpcUrl), options.RequestTimeout, sp.GetRequiredService<ILogger<EvmRpcClient>>());
        });
        services.AddSingleton<NonceManager>();
        services.AddSingleton<IEvmSigner>(sp =>
        {
            var options = sp.GetRequiredService<EvmOptions>();
            var rpc = sp.GetRequiredService<EvmRpcClient>();
            return options.Signer == EvmSignerMode.Node
                ? new NodeSigner(EthereumAddress.Parse(options.NodeAccount!), rpc)
                : new LocalKeySigner(EvmKeySource.Load(options), rpc);
        });
        services.AddSingleton<TransactionSender>();
        services.AddSingleton<ReceiptWaiter>();
        services.AddSingleton<IPayoutSettlement>(sp => new PayoutSettlement(
            EthereumAddress.Parse(sp.GetRequiredService<EvmOptions>().PayoutContract!),
            sp.GetRequiredService<TransactionSender>(),
            sp.GetRequiredService<ReceiptWaiter>(),
            sp.GetRequiredService<EvmRpcClient>(),
            sp.GetRequiredService<ILogger<PayoutSettlement>>()));
        return services;
    }
}
