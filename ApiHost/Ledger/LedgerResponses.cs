using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>A ledger write's answer over HTTP; a replayed answer says so in the Idempotent-Replayed header.</summary>
internal static class LedgerResponses
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IResult Created<T>(HttpContext http, LedgerResult<T> result, Func<T, string> location) where T : class =>
        Respond(http, result, value => TypedResults.Created(location(value), value));

    public static IResult Ok<T>(HttpContext http, LedgerResult<T> result) where T : class =>
        Respond(http, result, value => TypedResults.Ok(value));

    private static IResult Respond<T>(HttpContext http, LedgerResult<T> result, Func<T, IResult> success) where T : class
    {
        if (result.Replayed) http.Response.Headers[ReplayedHeader] = "true";
        return result.Error is { } error ? LedgerProblems.For(error, http) : success(result.Value!);
    }
}
