using Daarion.ApiHost.Auth;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo.Events;

namespace Daarion.ApiHost.Ledger;

/// <summary>The ledger request of an authenticated HTTP call: keys are scoped to the token's subject.</summary>
internal static class LedgerCallers
{
    public static LedgerRequest Request(HttpContext http, string idempotencyKey)
    {
        var subject = Subject(http);
        return new LedgerRequest(subject, idempotencyKey, EventActor.User(subject));
    }

    /// <summary>The authenticated caller's subject (the token's sub).</summary>
    public static string Subject(HttpContext http) =>
        (http.Features.Get<Caller>() ?? throw new InvalidOperationException("The access control middleware did not run for this route.")).Subject;
}
