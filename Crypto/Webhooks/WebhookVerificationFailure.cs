namespace Daarion.Crypto.Webhooks;

/// <summary>Why a webhook was refused. Checked in this order; the first failure is reported.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The webhook is authentic and fresh.</summary>
    None,

    /// <summary>No <c>webhook-id</c> header (or an empty one).</summary>
    MissingId,

    /// <summary>No <c>webhook-timestamp</c> header (or an empty one).</summary>
    MissingTimestamp,

    /// <summary>No <c>webhook-signature</c> header (or an empty one).</summary>
    MissingSignature,

    /// <summary>The timestamp is not a plain non-negative integer of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance: a replay or a badly delayed delivery.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance.</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> signature in the header matches any of our secrets.</summary>
    NoMatchingSignature,
}
