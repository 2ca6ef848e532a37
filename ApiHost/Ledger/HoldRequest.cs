using System.Text.Json;
using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/holds: set aside an amount of the payer's balance for the payee, optionally until expires_at.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HoldRequest(string? FromWalletId, string? ToWalletId, string? Amount, string? ExpiresAt, JsonElement? Metadata)
{
    internal bool TryToCommand(out HoldCommand command, out string? error)
    {
        error = null;
        RequestFields.TryId(FromWalletId, "from_wallet_id", out var from, ref error);
        RequestFields.TryId(ToWalletId, "to_wallet_id", out var to, ref error);
        RequestFields.TryAmount(Amount, "amount", signed: false, out var amount, ref error);
        RequestFields.TryTimestamp(ExpiresAt, "expires_at", out var expires, ref error);
        RequestFields.TryMetadata(Metadata, out var metadata, ref error);
        command = new HoldCommand(from, to, amount, expires, metadata);
        return error is null;
    }
}
