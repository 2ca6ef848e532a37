namespace Daarion.Silo;

/// <summary>The grain could not be activated (state read or OnActivateAsync failed). The next call tries again.</summary>
public sealed class GrainActivationException(GrainId grainId, Exception inner)
    : Exception($"Activation of {grainId} failed: {inner.Message}", inner)
{
    public GrainId GrainId { get; } = grainId;
}
