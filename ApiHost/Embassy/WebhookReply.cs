using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>
/// The answer to an Embassy webhook: which webhook, which site, what became of it; for a reading the quarantine entry
/// and the kWh, for a stock report the stock and its change. A replay answers the same, with Idempotent-Replayed.
/// </summary>
public sealed record WebhookReply(
    string Platform,
    string WebhookId,
    string SiteId,
    ReadingStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReadingReason? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? QuarantineId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Kwh = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Delta = null);
