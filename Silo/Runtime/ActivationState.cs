namespace Daarion.Silo.Runtime;

internal enum ActivationState
{
    /// <summary>Created in the catalog; the activation turn has not started.</summary>
    Created,
    Activating,
    Valid,
    /// <summary>Deactivation requested or running; requests queue up and are forwarded to the next activation.</summary>
    Deactivating,
    /// <summary>Gone from the catalog; senders re-resolve.</summary>
    Invalid,
}
