using System.Text.Json;
using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/transfers: one posting (from_wallet_id, to_wallet_id, amount) or several (postings), committed as one.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TransferRequest(string? FromWalletId, string? ToWalletId, string? Amount, JsonElement? Metadata, IReadOnlyList<PostingRequest>? Postings)
{
    internal bool TryToCommand(out TransferCommand command, out string? error)
    {
        error = null;
        command = null!;
        var single = FromWalletId is not null || ToWalletId is not null || Amount is not null;
        if (single == (Postings is not null))
        {
            error = "Give either from_wallet_id, to_wallet_id and amount, or postings, not both.";
            return false;
        }
        var postings = Postings ?? [new PostingRequest(FromWalletId, ToWalletId, Amount)];
        if (postings.Count is 0 or > TransferCommand.MaxPostings)
        {
            error = $"postings must hold 1 to {TransferCommand.MaxPostings} postings.";
            return false;
        }
        var parsed = new List<Posting>(postings.Count);
        for (var i = 0; i < postings.Count; i++)
        {
            var prefix = Postings is null ? "" : $"postings[{i}].";
            var p = postings[i];
            if (p is null)
            {
                error = $"postings[{i}] must be an object.";
                return false;
            }
            RequestFields.TryId(p.FromWalletId, prefix + "from_wallet_id", out var from, ref error);
            RequestFields.TryId(p.ToWalletId, prefix + "to_wallet_id", out var to, ref error);
            RequestFields.TryAmount(p.Amount, prefix + "amount", signed: false, out var amount, ref error);
            parsed.Add(new Posting(from, to, amount));
        }
        RequestFields.TryMetadata(Metadata, out var metadata, ref error);
        command = new TransferCommand(parsed, metadata);
        return error is null;
    }
}
