using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Ledger;

/// <summary>One posting of a multi-leg transfer.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PostingRequest(string? FromWalletId, string? ToWalletId, string? Amount);
