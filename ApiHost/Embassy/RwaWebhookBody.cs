using Daarion.ApiHost.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>POST /v1/embassy/rwa: a platform's report of a food or water site's stock (food in g, kg or t; water in l or m3).</summary>
public sealed record RwaWebhookBody(string? Platform, string? Domain, string? SiteId, JsonScalar? Value, string? Unit, string? Ts) : IWebhookBody;
