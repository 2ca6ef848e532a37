namespace Daarion.Grains.Energy;

/// <summary>
/// A site meter's progress, persisted with a version. The site's configuration (meter kind, keys) lives in its tables
/// and is read on activation; only what the rules move is here.
/// </summary>
internal sealed class SiteMeterState
{
    /// <summary>The last sequence number applied in order (readings that carry one are ordered by it).</summary>
    public long? LastSeq { get; set; }

    /// <summary>The latest timestamp applied in order (readings without a sequence are ordered by it).</summary>
    public DateTimeOffset? LastTs { get; set; }

    /// <summary>The last reading applied in order, in kWh: a cumulative meter's register, from which the next delta is taken.</summary>
    public decimal? LastValueKwh { get; set; }

    /// <summary>Payable energy so far: accepted and released kWh (what rwa_inventory holds for the site).</summary>
    public decimal TotalKwh { get; set; }

    public long Accepted { get; set; }

    public long Quarantined { get; set; }

    /// <summary>The largest recent accepted delta, fading by Oracle:PeakDecay per accepted reading.</summary>
    public decimal Peak { get; set; }

    /// <summary>Fingerprints of recent readings (8 bytes each, a ring whose next slot is <see cref="RecentNext"/>).</summary>
    public byte[] Recent { get; set; } = [];

    public int RecentNext { get; set; }

    /// <summary>Food and water sites: the stock last reported, and when.</summary>
    public decimal InventoryValue { get; set; }

    public DateTimeOffset? InventoryTs { get; set; }
}
