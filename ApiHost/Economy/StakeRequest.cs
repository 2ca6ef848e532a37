using System.Text.Json.Serialization;
using Daarion.ApiHost.Ledger;

namespace Daarion.ApiHost.Economy;

/// <summary>POST /v1/wallet/stake and /v1/wallet/unstake: an amount of RINGK in a DAO.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StakeRequest(string? DaoId, string? Amount)
{
    internal bool TryRead(out string daoId, out decimal amount, out string? error)
    {
        error = null;
        RequestFields.TryText(DaoId, "dao_id", 200, out daoId, ref error);
        RequestFields.TryAmount(Amount, "amount", signed: false, out amount, ref error);
        if (error is null && amount == 0) error = "amount must be greater than 0.";
        return error is null;
    }
}
