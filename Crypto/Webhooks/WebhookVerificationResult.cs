namespace Daarion.Crypto.Webhooks;

/// <summary>The outcome of <see cref="StandardWebhook.Verify"/>.</summary>
/// <param name="Failure">The first check that failed, or <see cref="WebhookVerificationFailure.None"/>.</param>
/// <param name="Id">The <c>webhook-id</c> when valid: store it to drop redeliveries and replays.</param>
/// <param name="Timestamp">The delivery attempt's time when valid.</param>
public sealed record WebhookVerificationResult(WebhookVerificationFailure Failure, string? Id, DateTimeOffset? Timestamp)
{
    /// <summary>True when the signature matched and the timestamp is within tolerance.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;

    internal static WebhookVerificationResult Refused(WebhookVerificationFailure failure) => new(failure, null, null);
}
