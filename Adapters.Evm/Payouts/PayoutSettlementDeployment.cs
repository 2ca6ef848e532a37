using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>The constructor arguments of a new PayoutSettlement contract.</summary>
/// <param name="Name">The ERC-20 token name, e.g. "DAARION KWT".</param>
/// <param name="Symbol">The ERC-20 symbol, e.g. "KWT".</param>
/// <param name="Decimals">The token's decimals; match the ledger's scale for the asset so amounts convert exactly.</param>
/// <param name="Admin">The account that can grant and revoke roles.</param>
/// <param name="Settler">The backend's signing account, the only one allowed to settle.</param>
public sealed record PayoutSettlementDeployment(string Name, string Symbol, byte Decimals, EthereumAddress Admin, EthereumAddress Settler);
