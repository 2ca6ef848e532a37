namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A webhook as received: the three Standard Webhooks header values and the raw body bytes.</summary>
public sealed record WebhookDelivery(string? Id, string? Timestamp, string? Signature, byte[] Body);
