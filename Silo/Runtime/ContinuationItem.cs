namespace Daarion.Silo.Runtime;

/// <summary>An await continuation of a running turn, posted back to the turn's activation.</summary>
internal readonly record struct ContinuationItem(GrainRequest Request, SendOrPostCallback Callback, object? State);
