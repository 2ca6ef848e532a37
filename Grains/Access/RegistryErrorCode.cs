namespace Daarion.Grains.Access;

/// <summary>Why a registry change was refused.</summary>
public enum RegistryErrorCode
{
    /// <summary>A field is malformed or out of range (422).</summary>
    Invalid,

    /// <summary>The change names a capability, bundle, role, plan, team, user or identity that does not exist (422).</summary>
    UnknownReference,

    /// <summary>The thing to change does not exist (404).</summary>
    NotFound,

    /// <summary>It exists already, or the change would break a rule of the registry (409).</summary>
    Conflict,

    /// <summary>The change would leave a team without an owner (409).</summary>
    LastOwner,
}
