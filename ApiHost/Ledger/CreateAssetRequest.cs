using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Ledger;

/// <summary>POST /v1/assets (admin): a new asset code and its scale (decimal places, 0 to 12), fixed forever.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateAssetRequest(string? Code, int? Scale);
