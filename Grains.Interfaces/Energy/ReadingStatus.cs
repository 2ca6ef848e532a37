using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>What became of a reading.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadingStatus>))]
public enum ReadingStatus
{
    /// <summary>Applied in order; its energy is payable from the minute it was accepted.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,

    /// <summary>The same reading was already received; nothing changed.</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,

    /// <summary>Stored but not paid: an anomaly rule held it for an operator to release or reject.</summary>
    [JsonStringEnumMemberName("quarantined")] Quarantined,

    /// <summary>Refused and not stored; <see cref="ReadingReason"/> says why.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>Not processed because the site could not be reached or written (retry it; a retry is safe).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
