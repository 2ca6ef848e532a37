using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/adjustments (admin): a signed amount for a wallet against its asset's system wallet, with the reason.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AdjustmentRequest(string? WalletId, string? Amount, string? Reason)
{
    internal bool TryToCommand(out AdjustmentCommand command, out string? error)
    {
        error = null;
        RequestFields.TryId(WalletId, "wallet_id", out var wallet, ref error);
        RequestFields.TryAmount(Amount, "amount", signed: true, out var amount, ref error);
        RequestFields.TryText(Reason, "reason", 500, out var reason, ref error);
        command = new AdjustmentCommand(wallet, amount, reason);
        return error is null;
    }
}
