using Daarion.Grains.Interfaces.Payouts;

namespace Daarion.ApiHost.Economy;

/// <summary>A page of payouts, newest first; <see cref="NextCursor"/> fetches the next one.</summary>
public sealed record PayoutPage(IReadOnlyList<PayoutView> Items, string? NextCursor);
