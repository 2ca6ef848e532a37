namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>A claim by <see cref="UserId"/> under an idempotency key.</summary>
public sealed record ClaimCommand(string UserId, string IdempotencyKey);
