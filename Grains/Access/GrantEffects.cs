namespace Daarion.Grains.Access;

/// <summary>The wire and database names of <see cref="GrantEffect"/>: "allow" and "deny".</summary>
public static class GrantEffects
{
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static string Name(GrantEffect effect) => effect == GrantEffect.Deny ? Deny : Allow;

    public static bool TryParse(string? name, out GrantEffect effect)
    {
        effect = name == Deny ? GrantEffect.Deny : GrantEffect.Allow;
        return name is Allow or Deny;
    }
}
