namespace Daarion.ApiHost.Energy;

/// <summary>
/// One reading's fields as sent: the UTF-8 text of each (unescaped), empty when absent or null. Device signatures
/// cover this text, and parsing it directly avoids building an object per reading. An empty string counts as absent.
/// </summary>
internal ref struct ReadingText
{
    public ReadOnlySpan<byte> SiteId;
    public ReadOnlySpan<byte> Seq;
    public ReadOnlySpan<byte> Value;
    public ReadOnlySpan<byte> Unit;
    public ReadOnlySpan<byte> Ts;
    public ReadOnlySpan<byte> KeyId;
    public ReadOnlySpan<byte> Signature;
    public ReadOnlySpan<byte> Platform;
    public ReadOnlySpan<byte> Domain;

    /// <summary>Set when a field has the wrong JSON type (an object, an array, true or false, a number where text is meant).</summary>
    public string? Malformed;
}
