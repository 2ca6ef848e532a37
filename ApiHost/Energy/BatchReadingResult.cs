using System.Text.Json.Serialization;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// One reading's result in a batch answer: its status; the reason unless accepted; the quarantine entry when held;
/// the kWh it made payable (accepted) or holds (quarantined); what is wrong with it when it could not be parsed.
/// </summary>
public sealed record BatchReadingResult(
    ReadingStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReadingReason? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? QuarantineId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Kwh = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null)
{
    public static BatchReadingResult Invalid(string detail) => new(ReadingStatus.Rejected, ReadingReason.InvalidReading, Detail: detail);

    public static BatchReadingResult From(ReadingOutcome outcome) => new(outcome.Status, outcome.Reason, outcome.QuarantineId, outcome.Kwh);
}
