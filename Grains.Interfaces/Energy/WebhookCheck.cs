namespace Daarion.Grains.Interfaces.Energy;

/// <summary>The result of checking a webhook's signature and timestamp against a platform's secrets.</summary>
public enum WebhookCheck
{
    Valid,
    UnknownPlatform,
    MissingHeaders,
    InvalidTimestamp,
    TimestampTooOld,
    TimestampTooNew,
    BadSignature,
}
