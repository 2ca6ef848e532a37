using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>Admin writes' answers over HTTP: the value, or a problem with a stable type; a replay says so in Idempotent-Replayed.</summary>
internal static class EnergyResponses
{
    public static IResult Respond<T>(HttpContext http, EnergyResult<T> result, Func<T, IResult> success) where T : class
    {
        if (result.Replayed) http.Response.Headers[LedgerResponses.ReplayedHeader] = "true";
        return result.Error is { } error ? Problem(error, http) : success(result.Value!);
    }

    private static IResult Problem(EnergyError error, HttpContext http)
    {
        var (status, type) = error.Code switch
        {
            EnergyErrorCode.InvalidRequest => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidRequest),
            EnergyErrorCode.SiteExists => (StatusCodes.Status409Conflict, ProblemTypes.SiteExists),
            EnergyErrorCode.UnknownSite or EnergyErrorCode.QuarantineNotFound => (StatusCodes.Status404NotFound, ProblemTypes.NotFound),
            EnergyErrorCode.QuarantineNotPending => (StatusCodes.Status409Conflict, ProblemTypes.QuarantineNotPending),
            EnergyErrorCode.IdempotencyConflict => (StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyReused),
            _ => (StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseUnavailable),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
        return LedgerProblems.Create(status, type, error.Detail);
    }
}
