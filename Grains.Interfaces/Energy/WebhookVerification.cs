namespace Daarion.Grains.Interfaces.Energy;

/// <summary>The verdict on a webhook and, when valid, the time its sender signed it.</summary>
public sealed record WebhookVerification(WebhookCheck Check, DateTimeOffset? SignedAt = null)
{
    public bool IsValid => Check == WebhookCheck.Valid;
}
