namespace Daarion.Crypto.Webhooks;

/// <summary>The HTTP header names of the Standard Webhooks specification.</summary>
public static class StandardWebhookHeaders
{
    /// <summary>Unique message id, the same on every retry: the receiver's idempotency key.</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix seconds of this delivery attempt.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64&gt;</c> signatures.</summary>
    public const string Signature = "webhook-signature";
}
