namespace Daarion.Grains.Access;

/// <summary>What a subject's own grants say about an action.</summary>
internal enum EvaluationOutcome
{
    /// <summary>A grant allows it and none denies it.</summary>
    Allowed,

    /// <summary>A grant denies it (whatever allows it).</summary>
    Denied,

    /// <summary>No grant allows or denies it.</summary>
    NotGranted,

    /// <summary>Only an access key's capability allows it: the key's owner must be allowed too.</summary>
    AllowedIfOwnerAllows,
}
