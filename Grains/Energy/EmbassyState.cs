namespace Daarion.Grains.Energy;

/// <summary>
/// The embassy grain's state. Platforms and secrets live in their tables (read on activation); the state's version
/// fences the writes, so a second activation elsewhere with a stale view cannot register over this one.
/// </summary>
internal sealed class EmbassyState
{
    /// <summary>How many secrets were registered through this grain.</summary>
    public long SecretsAdded { get; set; }
}
