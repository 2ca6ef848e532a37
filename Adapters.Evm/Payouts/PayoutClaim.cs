using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>A payout to settle on chain: the ledger's payout id, the recipient's address and the amount in ledger units.</summary>
public sealed record PayoutClaim(string PayoutId, EthereumAddress Recipient, decimal Amount);
