namespace Daarion.Silo;

/// <summary>
/// A state write found a different version in storage than the activation read: another writer got there first.
/// The activation is dropped so the next call re-reads the state.
/// </summary>
public sealed class InconsistentStateException(GrainId grainId, long expectedVersion, Exception? inner = null)
    : Exception($"State of {grainId} changed in storage: expected version {expectedVersion}.", inner)
{
    public GrainId GrainId { get; } = grainId;
    public long ExpectedVersion { get; } = expectedVersion;
}
