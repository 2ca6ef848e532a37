namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// An authenticated webhook whose effect a site grain applies: the grain stores it in embassy_webhooks, with its
/// outcome, in the same transaction as the effect, so a replay finds the answer and nothing is half-written.
/// <see cref="Payload"/> is the verified body (JSON text).
/// </summary>
public sealed record WebhookReceipt(
    string Platform,
    string WebhookId,
    WebhookRoute Route,
    byte[] BodySha256,
    string Payload,
    DateTimeOffset SignedAt,
    DateTimeOffset ReceivedAt);
