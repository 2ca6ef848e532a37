using System.Globalization;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.ApiHost.Ledger;

/// <summary>Ledger refusals as problem+json: a stable type per error code, the status that fits it, the ledger's detail.</summary>
internal static class LedgerProblems
{
    public static IResult For(LedgerError error, HttpContext http)
    {
        var (status, type) = error.Code switch
        {
            LedgerErrorCode.InvalidRequest => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidRequest),
            LedgerErrorCode.UnknownWallet => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnknownWallet),
            LedgerErrorCode.UnknownAsset => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnknownAsset),
            LedgerErrorCode.AssetMismatch => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.AssetMismatch),
            LedgerErrorCode.InvalidAmount => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidAmount),
            LedgerErrorCode.InsufficientFunds => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.InsufficientFunds),
            LedgerErrorCode.HoldAmountExceeded => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.HoldAmountExceeded),
            LedgerErrorCode.WalletExists => (StatusCodes.Status409Conflict, ProblemTypes.WalletExists),
            LedgerErrorCode.OwnerHasWallet => (StatusCodes.Status409Conflict, ProblemTypes.OwnerHasWallet),
            LedgerErrorCode.AssetExists => (StatusCodes.Status409Conflict, ProblemTypes.AssetExists),
            LedgerErrorCode.HoldNotPending => (StatusCodes.Status409Conflict, ProblemTypes.HoldNotPending),
            LedgerErrorCode.HoldExpired => (StatusCodes.Status409Conflict, ProblemTypes.HoldExpired),
            LedgerErrorCode.IdempotencyConflict => (StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyReused),
            LedgerErrorCode.HoldNotFound or LedgerErrorCode.PayoutNotFound => (StatusCodes.Status404NotFound, ProblemTypes.NotFound),
            LedgerErrorCode.PayoutNotClaimable => (StatusCodes.Status409Conflict, ProblemTypes.PayoutNotClaimable),
            LedgerErrorCode.OutcomeUnknown => (StatusCodes.Status503ServiceUnavailable, ProblemTypes.OutcomeUnknown),
            _ => (StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseUnavailable),
        };
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
        var extensions = error.Available is { } available
            ? new Dictionary<string, object?> { ["available"] = available.ToString(CultureInfo.InvariantCulture) }
            : null;
        return Create(status, type, error.Detail, extensions);
    }

    public static IResult Invalid(string detail) => Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidRequest, detail);

    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, detail);

    public static IResult Create(int status, string type, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, type: type, detail: detail, extensions: extensions);
}
