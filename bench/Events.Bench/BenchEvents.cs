using Daarion.Silo.Events;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Events.Bench;

/// <summary>Ledger-shaped events (wallet.balance.updated, about 450 bytes of envelope) written as the writers write them.</summary>
public static class BenchEvents
{
    public const string Stream = "STREAM_WALLET";
    private const int Wallets = 1000;

    private static readonly Guid[] WalletIds = [.. Enumerable.Range(0, Wallets).Select(_ => Guid.NewGuid())];

    /// <summary>The <paramref name="sequence"/>-th event of the run: wallets take turns, each wallet's events count up.</summary>
    public static OutboxEvent Create(long sequence)
    {
        var wallet = (int)(sequence % Wallets);
        return new OutboxEvent
        {
            Type = "wallet.balance.updated",
            OrderingKey = "wallet:" + WalletIds[wallet].ToString("N"),
            Actor = EventActor.Service("ledger"),
            Payload = new BalanceUpdated(WalletIds[wallet], "owner-" + wallet, "KWT", 1.5m, sequence * 1.5m, 0m, sequence * 1.5m, sequence / Wallets),
        };
    }

    /// <summary>One commit: an outbox_batches row of all the events, or one outbox_events row each.</summary>
    public static Task WriteAsync(NpgsqlDataSource database, IReadOnlyList<OutboxEvent> events, bool rows) =>
        rows ? OutboxWriter.WriteRowsAsync(database, events) : OutboxWriter.WriteBatchAsync(database, events);

    /// <summary>As <see cref="WriteAsync(NpgsqlDataSource, IReadOnlyList{OutboxEvent}, bool)"/> within the connection's transaction.</summary>
    public static Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<OutboxEvent> events, bool rows) =>
        rows ? OutboxWriter.WriteRowsAsync(connection, events) : OutboxWriter.WriteBatchAsync(connection, events);

    private sealed record BalanceUpdated(Guid WalletId, string UserId, string Symbol, decimal Amount, decimal Balance, decimal Held, decimal Available, long WalletVersion);
}
