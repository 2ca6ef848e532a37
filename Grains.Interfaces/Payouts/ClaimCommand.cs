namespace Daarion.Grains.Interfaces.Payouts;

/// <summary>A claim by <see cref="UserId"/> under an idempotency key; <see cref="Address"/> receives it when payouts settle on chain.</summary>
public sealed record ClaimCommand(string UserId, string IdempotencyKey, string? Address = null);
