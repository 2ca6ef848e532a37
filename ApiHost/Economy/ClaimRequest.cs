using System.Text.Json.Serialization;
using Daarion.ApiHost.Ledger;

namespace Daarion.ApiHost.Economy;

/// <summary>POST /v1/wallet/claim: the payout to claim.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ClaimRequest(string? PayoutId)
{
    internal bool TryRead(out Guid payoutId, out string? error)
    {
        error = null;
        RequestFields.TryId(PayoutId, "payout_id", out payoutId, ref error);
        return error is null;
    }
}
