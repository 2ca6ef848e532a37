namespace Daarion.ApiHost.Energy;

/// <summary>What a body calls a reading's site and value, so an error names the field the sender wrote.</summary>
public readonly record struct ReadingFieldNames(string SiteId, string Value)
{
    public static readonly ReadingFieldNames Default = new("site_id", "value");
}
