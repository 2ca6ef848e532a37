using System.Text.Json.Serialization;
using Daarion.ApiHost.Ledger;
using Daarion.Crypto.Ethereum;

namespace Daarion.ApiHost.Economy;

/// <summary>POST /v1/wallet/claim: the payout to claim, and the address to pay when payouts settle on chain.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ClaimRequest(string? PayoutId, string? Address)
{
    internal bool TryRead(out Guid payoutId, out string? address, out string? error)
    {
        error = null;
        RequestFields.TryId(PayoutId, "payout_id", out payoutId, ref error);
        address = null;
        if (Address is not null)
        {
            if (EthereumAddress.TryParse(Address, out var parsed)) address = parsed.ToString();
            else error ??= "address must be an Ethereum address (0x + 40 hex digits; mixed case must be a valid EIP-55 checksum).";
        }
        return error is null;
    }
}
