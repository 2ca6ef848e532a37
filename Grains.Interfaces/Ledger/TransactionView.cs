using System.Text.Json;

namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// A committed journal transaction: its entries (summing to zero per asset) and the resulting balance of each wallet
/// it touched. The same value is answered to the request that made it and to every replay of that request.
/// </summary>
public sealed record TransactionView(
    Guid TransactionId,
    string Kind,
    Guid? HoldId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EntryView> Entries,
    IReadOnlyList<BalanceView> Balances,
    JsonElement? Metadata);
