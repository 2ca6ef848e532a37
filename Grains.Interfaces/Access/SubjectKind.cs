namespace Daarion.Grains.Interfaces.Access;

/// <summary>Who can be a subject of a decision. Decisions are always on the original caller (ASVS 8.3.3).</summary>
public enum SubjectKind
{
    /// <summary>A caller without credentials, on a route that accepts them.</summary>
    Anonymous,

    /// <summary>A user, by the sub of its JWT (its user id for tokens issued at login).</summary>
    User,

    /// <summary>A user's access key: its capabilities, within what its owner may do.</summary>
    AccessKey,

    /// <summary>An embassy identity (an external platform), by any of its keys.</summary>
    Embassy,

    /// <summary>An internal service, by any of its keys; the only holder of internal (service.*) capabilities.</summary>
    Service,
}
