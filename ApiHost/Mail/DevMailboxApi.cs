using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;

namespace Daarion.ApiHost.Mail;

public static class DevMailboxApi
{
    private const int MaxMails = 100;

    /// <summary>GET /v1/dev/mailbox?to=…: the development mailbox (mapped only when Mail:Delivery is Development).</summary>
    public static IEndpointRouteBuilder MapDevMailboxApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/dev/mailbox", Read).WithTags("Development").RequiresAction(ActionCatalog.DevMailboxRead);
        return routes;
    }

    private static async Task<IResult> Read(string? to, int? limit, DevMailbox mailbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(to)) return LedgerProblems.Invalid("to (the recipient's address) is required.");
        if (limit is < 1 or > MaxMails) return LedgerProblems.Invalid($"limit must be between 1 and {MaxMails}.");
        return TypedResults.Ok(await mailbox.ReadAsync(to.Trim().ToLowerInvariant(), limit ?? 10, cancellationToken));
    }
}
