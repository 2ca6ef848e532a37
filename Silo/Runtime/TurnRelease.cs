namespace Daarion.Silo.Runtime;

/// <summary>What ending a turn changed: the activation came up, or it went away leaving these queued requests.</summary>
internal readonly record struct TurnRelease(List<GrainRequest>? Orphans, bool Activated = false);
