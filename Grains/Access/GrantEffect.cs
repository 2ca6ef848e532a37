namespace Daarion.Grains.Access;

/// <summary>What a grant does to its capability. Deny overrides allow.</summary>
public enum GrantEffect
{
    Allow,
    Deny,
}
