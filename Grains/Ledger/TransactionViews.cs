using System.Text.Json;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Ledger;

/// <summary>Builds a <see cref="TransactionView"/> the same way after a commit and when reading one back.</summary>
internal static class TransactionViews
{
    public static TransactionView Create(Guid transactionId, string kind, Guid? holdId, DateTimeOffset createdAt, IReadOnlyList<EntryView> entries, string? metadata)
    {
        // A wallet's resulting balance is the balance_after of its last entry in the transaction.
        var balances = entries
            .GroupBy(e => e.WalletId)
            .Select(g => g.MaxBy(e => e.Leg)!)
            .OrderBy(e => e.Leg)
            .Select(e => new BalanceView(e.WalletId, e.Asset, e.BalanceAfter))
            .ToList();
        return new TransactionView(transactionId, kind, holdId, createdAt, entries, balances, ParseMetadata(metadata));
    }

    public static JsonElement? ParseMetadata(string? metadata) =>
        metadata is null ? null : JsonDocument.Parse(metadata).RootElement.Clone();
}
