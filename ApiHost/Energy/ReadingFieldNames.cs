namespace Daarion.ApiHost.Energy;

/// <summary>
/// What a body calls a reading's site and value: site_id and value in batches and on /embassy/energy and /rwa, site
/// and kWh on /embassy/oracle (seed 28 §7). Errors name the field the sender wrote.
/// </summary>
internal sealed class ReadingFieldNames(string siteId, string value)
{
    public static readonly ReadingFieldNames Default = new("site_id", "value");
    public static readonly ReadingFieldNames Oracle = new("site", "kWh");

    public string SiteId { get; } = siteId;

    public string Value { get; } = value;

    public byte[] SiteIdUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(siteId);

    public byte[] ValueUtf8 { get; } = System.Text.Encoding.UTF8.GetBytes(value);
}
