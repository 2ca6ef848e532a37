using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/holds/{id}/post: the amount to move (at most the hold's; the whole hold when absent).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HoldPostRequest(string? Amount);
