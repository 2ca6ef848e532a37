using System.Text.Json;

namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A hold: pending, then posted (with the amount moved and its transaction), voided or expired.</summary>
public sealed record HoldView(
    Guid HoldId,
    Guid FromWalletId,
    Guid ToWalletId,
    string Asset,
    decimal Amount,
    string Status,
    decimal? PostedAmount,
    Guid? TransactionId,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    JsonElement? Metadata)
{
    public const string Pending = "pending";
    public const string Posted = "posted";
    public const string Voided = "voided";
    public const string Expired = "expired";
}
