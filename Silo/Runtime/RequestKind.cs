namespace Daarion.Silo.Runtime;

/// <summary>What a request is, for scheduling: calls go through filters and metrics; the others are the runtime's own turns.</summary>
internal enum RequestKind
{
    Call,
    Timer,
    Activate,
    Deactivate,
}
