using Daarion.Silo.Events;

namespace Daarion.Grains.Ledger;

/// <summary>
/// One write for <c>ledger_commit</c>. Which fields matter depends on <see cref="Kind"/> (see the SQL function).
/// <see cref="Reservations"/> are the wallet reservations the commit ends, whatever its outcome.
/// </summary>
internal sealed class LedgerOperation
{
    public required string Kind { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public Guid? Id { get; init; }
    public IdempotencyStamp? Idempotency { get; init; }
    public string? Operation { get; init; }
    public Guid? HoldId { get; init; }

    /// <summary>The wallet whose held amount changes (holds), that is created, or an asset's system wallet.</summary>
    public Guid? WalletId { get; init; }
    public Guid? CounterpartyId { get; init; }
    public string? Asset { get; init; }
    public decimal? Amount { get; init; }
    public string? OwnerId { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? Metadata { get; init; }
    public string? Actor { get; init; }

    /// <summary>The saved answer (idempotency record) for operations that are not journal transactions.</summary>
    public string? Outcome { get; init; }

    public IReadOnlyList<LedgerEntry> Entries { get; init; } = [];
    public IReadOnlyList<OutboxEvent> Events { get; init; } = [];
    public IReadOnlyList<WalletReservation> Reservations { get; init; } = [];

    public TaskCompletionSource<OperationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Every wallet whose lock ledger_commit takes for the operation. Built once: the group committer asks for it each
    /// time it passes over the operation in its queue.
    /// </summary>
    public Guid[] LockedWallets => _lockedWallets ??= [.. Entries.Select(e => e.WalletId), .. new[] { WalletId, CounterpartyId }.OfType<Guid>()];

    private Guid[]? _lockedWallets;
}
