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
        return result.Error is { } error ? Problem(error) : success(result.Value!);
    }

    private static IResult Problem(EnergyError error)
    {
        var (status, type) = error.Code switch
        {
            EnergyErrorCode.SiteExists => (StatusCodes.Status409Conflict, ProblemTypes.SiteExists),
            EnergyErrorCode.SiteNotFound or EnergyErrorCode.DeviceKeyNotFound => (StatusCodes.Status404NotFound, ProblemTypes.NotFound),
            EnergyErrorCode.NoMeter => (StatusCodes.Status409Conflict, ProblemTypes.NoMeter),
            EnergyErrorCode.DeviceKeyExists => (StatusCodes.Status409Conflict, ProblemTypes.DeviceKeyExists),
            EnergyErrorCode.LastRequiredKey => (StatusCodes.Status409Conflict, ProblemTypes.LastRequiredKey),
            EnergyErrorCode.QuarantineNotFound => (StatusCodes.Status404NotFound, ProblemTypes.NotFound),
            EnergyErrorCode.QuarantineNotPending => (StatusCodes.Status409Conflict, ProblemTypes.QuarantineNotPending),
            _ => (StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyReused),
        };
        return LedgerProblems.Create(status, type, error.Detail);
    }
}
