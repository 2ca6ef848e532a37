using Daarion.ApiHost.Energy;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>
/// Webhook answers over HTTP, derived only from the stored outcome, so a replay gets the same status and body:
/// 200 for applied, duplicate or quarantined; 422 reading-rejected; 409 when the id came with another body.
/// </summary>
internal static class EmbassyResponses
{
    public static IResult Reading(HttpContext http, VerifiedWebhook webhook, string siteId, WebhookAnswer<ReadingOutcome> answer) =>
        Respond(http, webhook, answer, outcome => outcome.Status == ReadingStatus.Rejected
            ? Rejected(outcome.Reason)
            : TypedResults.Ok(new WebhookReply(webhook.Platform, webhook.WebhookId, siteId, outcome.Status, outcome.Reason, outcome.QuarantineId, Kwh: outcome.Kwh)));

    public static IResult Inventory(HttpContext http, VerifiedWebhook webhook, string siteId, WebhookAnswer<InventoryOutcome> answer) =>
        Respond(http, webhook, answer, outcome => outcome.Status == ReadingStatus.Rejected
            ? Rejected(outcome.Reason)
            : TypedResults.Ok(new WebhookReply(webhook.Platform, webhook.WebhookId, siteId, outcome.Status, Value: outcome.Value, Delta: outcome.Delta)));

    private static IResult Respond<T>(HttpContext http, VerifiedWebhook webhook, WebhookAnswer<T> answer, Func<T, IResult> result) where T : class
    {
        if (answer.IdReused)
        {
            return LedgerProblems.Create(StatusCodes.Status409Conflict, ProblemTypes.WebhookIdReused,
                $"webhook-id '{webhook.WebhookId}' was already answered for a different body; send a new message with a new id.");
        }
        if (answer.Replayed) http.Response.Headers[LedgerResponses.ReplayedHeader] = "true";
        return result(answer.Outcome!);
    }

    private static IResult Rejected(ReadingReason? reason) =>
        LedgerProblems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ReadingRejected, ReadingReasons.Describe(reason),
            new Dictionary<string, object?> { ["reason"] = reason is { } r ? EnergyNames.Of(r) : null });
}
