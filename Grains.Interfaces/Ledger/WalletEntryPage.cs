namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>A page of a wallet's statement; <see cref="NextCursor"/> fetches the older entries, null at the end.</summary>
public sealed record WalletEntryPage(IReadOnlyList<WalletEntry> Items, string? NextCursor);
