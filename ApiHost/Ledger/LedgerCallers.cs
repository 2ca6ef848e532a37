using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>The ledger request of an authenticated HTTP call: keys are scoped to the caller's principal.</summary>
internal static class LedgerCallers
{
    public static LedgerRequest Request(HttpContext http, string idempotencyKey)
    {
        var caller = RequestPolicy.CallerOf(http);
        return new LedgerRequest(caller.Principal, idempotencyKey, caller.Actor);
    }

    /// <summary>The caller's principal (a JWT's sub): whose stakes, payouts and RINGK wallet a request is about.</summary>
    public static string Subject(HttpContext http) => RequestPolicy.CallerOf(http).Principal;
}
