using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Registry refusals as problem+json, a stable type per code; and the answer of a registry change.</summary>
internal static class RegistryProblems
{
    public static IResult For(RegistryError error)
    {
        var (status, type) = error.Code switch
        {
            RegistryErrorCode.Invalid => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidRequest),
            RegistryErrorCode.UnknownReference => (StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnknownReference),
            RegistryErrorCode.NotFound => (StatusCodes.Status404NotFound, ProblemTypes.NotFound),
            RegistryErrorCode.LastOwner => (StatusCodes.Status409Conflict, ProblemTypes.LastOwner),
            _ => (StatusCodes.Status409Conflict, ProblemTypes.Conflict),
        };
        return LedgerProblems.Create(status, type, error.Detail);
    }

    /// <summary>200 with the value, or the refusal.</summary>
    public static IResult Ok<T>(RegistryResult<T> result) => result.Error is { } error ? For(error) : TypedResults.Ok(result.Value);

    /// <summary>201 with the value and its location, or the refusal.</summary>
    public static IResult Created<T>(RegistryResult<T> result, Func<T, string> location) =>
        result.Error is { } error ? For(error) : TypedResults.Created(location(result.Value!), result.Value);

    public static IResult Invalid(string detail) => LedgerProblems.Invalid(detail);
}
