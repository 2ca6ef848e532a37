using Daarion.Silo.Events;

namespace Daarion.Grains.Ledger;

/// <summary>
/// The ledger's events: wallet.tx.confirmed per journal transaction (built with the operation) and
/// wallet.balance.updated per wallet a commit changed (built from what the commit returned), in one outbox row per
/// commit.
/// </summary>
internal static class LedgerEvents
{
    public const string TransactionConfirmed = "wallet.tx.confirmed";
    public const string BalanceUpdated = "wallet.balance.updated";

    private static readonly EventActor Ledger = EventActor.Service("ledger");

    /// <summary>The events of a commit: those of the operations it applied, then one balance event per changed wallet.</summary>
    public static List<OutboxEvent> ForCommit(IReadOnlyList<LedgerOperation> group, BatchOutcome outcome)
    {
        var events = new List<OutboxEvent>();
        var moved = new Dictionary<Guid, decimal>();
        for (var i = 0; i < group.Count; i++)
        {
            if (outcome.Skipped.ContainsKey(i)) continue;
            events.AddRange(group[i].Events);
            foreach (var entry in group[i].Entries) moved[entry.WalletId] = moved.GetValueOrDefault(entry.WalletId) + entry.Amount;
        }
        var at = DateTimeOffset.UtcNow;
        foreach (var (wallet, changed) in outcome.Wallets.OrderBy(w => w.Key))
        {
            var (state, scale) = (changed.State, changed.Scale);
            events.Add(new OutboxEvent
            {
                Type = BalanceUpdated,
                Actor = Ledger,
                Ts = at,
                OrderingKey = WalletKey.Of(wallet),
                Payload = new BalanceUpdatedPayload(wallet, changed.OwnerId, changed.Asset,
                    Money.AtScale(moved.GetValueOrDefault(wallet), scale), Money.AtScale(state.Balance, scale),
                    Money.AtScale(state.Held, scale), Money.AtScale(state.Balance - state.Held, scale), state.Version),
            });
        }
        return events;
    }

    /// <summary>
    /// A committed transaction. symbol and amount (seed 42 §8.5) are the asset and total moved when all postings share
    /// one asset; each posting carries its own.
    /// </summary>
    public static OutboxEvent Confirmed(Guid transactionId, string kind, EventActor actor, DateTimeOffset at, IReadOnlyList<ScaledPosting> postings)
    {
        var single = postings.All(p => p.Asset == postings[0].Asset);
        return new OutboxEvent
        {
            Type = TransactionConfirmed,
            Actor = actor,
            Ts = at,
            OrderingKey = WalletKey.Of(postings[0].FromWalletId),
            Payload = new TransactionConfirmedPayload(
                transactionId,
                kind,
                actor.Id,
                single ? postings[0].Asset : null,
                single ? Money.AtScale(postings.Sum(p => p.Amount), postings[0].Scale) : null,
                [.. postings.Select(p => new PostingPayload(p.FromWalletId, p.ToWalletId, p.Asset, Money.AtScale(p.Amount, p.Scale)))]),
        };
    }

    private sealed record TransactionConfirmedPayload(Guid TransactionId, string Kind, string UserId, string? Symbol, decimal? Amount, IReadOnlyList<PostingPayload> Postings);

    private sealed record PostingPayload(Guid FromWalletId, Guid ToWalletId, string Symbol, decimal Amount);

    /// <summary>Seed 42 §8.5's wallet payload (user_id, symbol, amount: the change) with the resulting balances.</summary>
    private sealed record BalanceUpdatedPayload(Guid WalletId, string UserId, string Symbol, decimal Amount, decimal Balance, decimal Held, decimal Available, long WalletVersion);
}
