using Daarion.ApiHost.Ledger;

namespace Daarion.ApiHost.Access;

/// <summary>Body of a key creation: a name, an optional expiry; for access keys, capabilities and an optional team.</summary>
public sealed record KeyRequest(string? Name, Guid? TeamId, IReadOnlyList<string?>? Capabilities, string? ExpiresAt)
{
    public bool TryRead(out IReadOnlyList<string> capabilities, out DateTimeOffset? expiresAt, out string? error)
    {
        error = null;
        capabilities = [.. (Capabilities ?? []).Select(c => c!)];
        if (capabilities.Any(c => c is null)) error = "capabilities must be a list of capability names.";
        return RequestFields.TryTimestamp(ExpiresAt, "expires_at", out expiresAt, ref error) && error is null;
    }
}
