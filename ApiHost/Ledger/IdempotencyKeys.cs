namespace Daarion.ApiHost.Ledger;

/// <summary>The Idempotency-Key header every write requires: 1 to 255 visible ASCII characters.</summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public static bool TryRead(HttpRequest request, out string key, out IResult problem)
    {
        key = request.Headers[Header].ToString();
        problem = null!;
        if (key.Length == 0)
        {
            problem = LedgerProblems.Create(StatusCodes.Status400BadRequest, Problems.ProblemTypes.IdempotencyKeyRequired,
                "Every write needs an Idempotency-Key header (any unique string up to 255 characters, e.g. a UUID); a retry with the same key and body returns the first answer.");
            return false;
        }
        if (key.Length > Grains.Interfaces.Ledger.LedgerRequest.MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            problem = LedgerProblems.Create(StatusCodes.Status400BadRequest, Problems.ProblemTypes.IdempotencyKeyInvalid,
                "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return false;
        }
        return true;
    }
}
