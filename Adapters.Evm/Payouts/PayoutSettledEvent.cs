using System.Numerics;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Payouts;

/// <summary>The contract's PayoutSettled log: what was minted, to whom, for which payout key.</summary>
public sealed record PayoutSettledEvent(byte[] PayoutKey, EthereumAddress Recipient, BigInteger BaseUnits);
