namespace Daarion.ApiHost.Problems;

/// <summary>The stable problem "type" URIs of RFC 9457 responses; clients switch on these, never on titles.</summary>
public static class ProblemTypes
{
    public const string Base = "https://daarion.city/problems/";

    public const string BadRequest = Base + "bad-request";
    public const string MalformedJson = Base + "malformed-json";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Overloaded = Base + "overloaded";
    public const string Timeout = Base + "timeout";
    public const string DatabaseUnavailable = Base + "database-unavailable";
    public const string NotReady = Base + "not-ready";
    public const string Internal = Base + "internal";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string InvalidRequest = Base + "invalid-request";
    public const string IdempotencyKeyRequired = Base + "idempotency-key-required";
    public const string IdempotencyKeyInvalid = Base + "idempotency-key-invalid";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string OutcomeUnknown = Base + "outcome-unknown";
    public const string UnknownWallet = Base + "unknown-wallet";
    public const string UnknownAsset = Base + "unknown-asset";
    public const string AssetMismatch = Base + "asset-mismatch";
    public const string InvalidAmount = Base + "invalid-amount";
    public const string InsufficientFunds = Base + "insufficient-funds";
    public const string WalletExists = Base + "wallet-exists";
    public const string OwnerHasWallet = Base + "owner-has-wallet";
    public const string AssetExists = Base + "asset-exists";
    public const string HoldNotPending = Base + "hold-not-pending";
    public const string HoldExpired = Base + "hold-expired";
    public const string HoldAmountExceeded = Base + "hold-amount-exceeded";
    public const string PayoutNotClaimable = Base + "payout-not-claimable";
    public const string UnknownReference = Base + "unknown-reference";
    public const string Conflict = Base + "conflict";
    public const string LastOwner = Base + "last-owner";
    public const string RateLimited = Base + "rate-limited";
    public const string LoginFailed = Base + "login-failed";
    public const string SiteExists = Base + "site-exists";
    public const string NoMeter = Base + "no-meter";
    public const string DeviceKeyExists = Base + "device-key-exists";
    public const string LastRequiredKey = Base + "last-required-key";
    public const string QuarantineNotPending = Base + "quarantine-not-pending";
    public const string ReadingRejected = Base + "reading-rejected";
    public const string WebhookIdReused = Base + "webhook-id-reused";
    public const string UnknownEventHandler = Base + "unknown-event-handler";
    public const string EventsUnavailable = Base + "events-unavailable";

    /// <summary>The type for a bare status code (404 from routing, 405, …).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => Overloaded,
        _ => status >= 500 ? Internal : BadRequest,
    };
}
