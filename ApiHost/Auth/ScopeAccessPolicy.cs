namespace Daarion.ApiHost.Auth;

/// <summary>
/// Decides by the token's scopes (the wallet seed's model): an action is allowed when the caller holds the scope the
/// catalog requires for it, or wallet:admin. Unknown actions are denied.
/// </summary>
public sealed class ScopeAccessPolicy
{
    public AccessDecision Decide(Caller caller, string action)
    {
        if (!ActionCatalog.RequiredScope.TryGetValue(action, out var scope)) return new AccessDecision(false, $"Action '{action}' is not in the catalog.");
        if (caller.HasScope(scope) || caller.HasScope(Scopes.WalletAdmin)) return new AccessDecision(true, $"Scope {scope} grants {action}.");
        return new AccessDecision(false, $"{action} needs scope {scope}; the token has {(caller.Scopes.Count == 0 ? "none" : string.Join(' ', caller.Scopes.Order(StringComparer.Ordinal)))}.");
    }
}
