using System.Text.Json;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Testing;
using Npgsql;

namespace Daarion.Grains.Tests;

/// <summary>
/// The event contract (seed 42 §6, §8): every event the ledger emits, in every kind of commit, is the envelope of
/// docs/events/schemas/envelope.schema.json with a payload valid against the schema named after its type.
/// </summary>
public sealed class EventContractTests
{
    private static readonly string Schemas = Path.Combine(RepositoryRoot.Path, "docs", "events", "schemas");

    [Fact]
    public async Task EveryLedgerEvent_ValidatesAgainstTheEnvelopeAndItsTypesSchema()
    {
        await using var ledger = await TestLedger.StartAsync();
        var payer = await ledger.WalletAsync("KWT", balance: 100);
        var payee = await ledger.WalletAsync("KWT");
        var dollars = await ledger.WalletAsync("USD", balance: 50);
        var dollarPayee = await ledger.WalletAsync("USD");
        Assert.Null((await ledger.TransferAsync(payer, payee, 12.5m)).Error);
        Assert.Null((await ledger.Ledger.TransferAsync(ledger.Request(), new TransferCommand(
            [new Posting(payer, payee, 1), new Posting(dollars, dollarPayee, 2.25m)], null))).Error);
        Assert.Null((await ledger.Ledger.AdjustAsync(ledger.Request(), new AdjustmentCommand(payer, -3, "correction"))).Error);
        var posted = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 10, null, null))).Value!;
        Assert.Null((await ledger.Ledger.PostHoldAsync(ledger.Request(), posted.HoldId, 4)).Error);
        var voided = (await ledger.Ledger.CreateHoldAsync(ledger.Request(), new HoldCommand(payer, payee, 5, null, null))).Value!;
        Assert.Null((await ledger.Ledger.VoidHoldAsync(ledger.Request(), voided.HoldId)).Error);

        var events = await OutboxEventsAsync(ledger.ConnectionString);
        var envelope = JsonSchema.Load(Path.Combine(Schemas, "envelope.schema.json"));
        foreach (var (subject, e) in events)
        {
            var type = e.GetProperty("type").GetString()!;
            Assert.Empty(envelope.Validate(e));
            Assert.Equal(type, subject);
            Assert.Equal(type.Split('.')[0], e.GetProperty("domain").GetString());
            Assert.True(File.Exists(Path.Combine(Schemas, type + ".schema.json")), $"{type} has no schema in docs/events/schemas");
            var errors = JsonSchema.Load(Path.Combine(Schemas, type + ".schema.json")).Validate(e.GetProperty("payload"));
            Assert.True(errors.Count == 0, $"{type}: {string.Join("; ", errors)}\n{e}");
        }
        var kinds = events.Where(e => e.Subject == "wallet.tx.confirmed").Select(e => e.Envelope.GetProperty("payload").GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(["adjustment", "hold_post", "transfer"], kinds.Order(StringComparer.Ordinal));
        Assert.Contains(events, e => e.Subject == "wallet.balance.updated");
    }

    // Both outbox tables: rows of outbox_events, and the elements of each outbox_batches row.
    private static async Task<List<(string Subject, JsonElement Envelope)>> OutboxEventsAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("""
            SELECT subject, envelope::text FROM outbox_events
            UNION ALL
            SELECT e->>'subject', (e->'envelope')::text FROM outbox_batches b, json_array_elements(b.events) e
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, JsonElement)>();
        while (await reader.ReadAsync()) events.Add((reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        return events;
    }
}
