using System.Text.Json;
using Daarion.Events.Catalog;

namespace Daarion.Events.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void Catalog_HasTheFourteenStreamsOfSeed42_NamedStreamDomain()
    {
        Assert.Equal(
            ["STREAM_AGENT_RUN", "STREAM_CHAT", "STREAM_PROJECT", "STREAM_TASK", "STREAM_WALLET", "STREAM_STAKING", "STREAM_PAYOUT",
             "STREAM_EMBASSY", "STREAM_ORACLE", "STREAM_RWA", "STREAM_GOVERNANCE", "STREAM_USAGE", "STREAM_TELEMETRY", "STREAM_RAG"],
            EventCatalog.Streams.Select(s => s.Name));
        Assert.Equal(TimeSpan.Zero, EventCatalog.Find("STREAM_GOVERNANCE")!.MaxAge);
        Assert.Equal(["wallet", "payout", "usage"], EventCatalog.Find("STREAM_WALLET")!.ConsumerGroups);
    }

    [Fact]
    public void EveryEventType_IsCapturedByItsOwnStreamOnly()
    {
        foreach (var stream in EventCatalog.Streams)
        {
            foreach (var type in stream.EventTypes)
            {
                Assert.Same(stream, EventCatalog.StreamFor(type));
                Assert.Single(EventCatalog.Streams, s => s.Captures(type));
            }
        }
    }

    [Fact]
    public void EveryEventType_HasASchema_AndEverySchemaIsAnEventTypeOfTheCatalog()
    {
        Assert.Equal(EventCatalog.EventTypes.Order(StringComparer.Ordinal), EventSchemas.TypesWithASchema.Order(StringComparer.Ordinal));
        foreach (var type in EventCatalog.EventTypes)
        {
            // Loading checks the schema keeps to the validator's keywords.
            var schema = JsonSchema.Load(EventSchemas.PathOf(type));
            using var document = JsonDocument.Parse(File.ReadAllText(EventSchemas.PathOf(type)));
            Assert.Equal(type, document.RootElement.GetProperty("title").GetString());
            Assert.NotNull(schema);
        }
    }

    [Fact]
    public void Schemas_RefuseWhatTheyDoNotDescribe()
    {
        var balance = JsonSchema.Load(EventSchemas.PathOf("wallet.balance.updated"));
        var valid = Json("""{"wallet_id":"0195a0c4-6f2a-7b3c-8d4e-5f6a7b8c9d0e","user_id":"u_1","symbol":"KWT","amount":"1.500000","balance":"10.000000","held":"0.000000","available":"10.000000","wallet_version":3}""");
        Assert.Empty(balance.Validate(valid));

        Assert.Contains("$.amount: expected string, found Number", balance.Validate(Json("""{"wallet_id":"0195a0c4-6f2a-7b3c-8d4e-5f6a7b8c9d0e","user_id":"u_1","symbol":"KWT","amount":1.5,"balance":"10","held":"0","available":"10","wallet_version":3}""")));
        Assert.Contains("$: missing required 'wallet_version'", balance.Validate(Json("""{"wallet_id":"0195a0c4-6f2a-7b3c-8d4e-5f6a7b8c9d0e","user_id":"u_1","symbol":"KWT","amount":"1","balance":"10","held":"0","available":"10"}""")));
        Assert.Contains("$.extra: not allowed", balance.Validate(Json("""{"wallet_id":"0195a0c4-6f2a-7b3c-8d4e-5f6a7b8c9d0e","user_id":"u_1","symbol":"KWT","amount":"1","balance":"10","held":"0","available":"10","wallet_version":3,"extra":1}""")));
        Assert.Contains("$.wallet_id: 'w-1' is not a uuid", balance.Validate(Json("""{"wallet_id":"w-1","user_id":"u_1","symbol":"KWT","amount":"1","balance":"10","held":"0","available":"10","wallet_version":3}""")));
        Assert.NotEmpty(EventSchemas.Envelope.Validate(Json("""{"event_id":"evt_1","ts":"yesterday","domain":"wallet","type":"wallet.tx.sent","version":1,"actor":{"id":"u","kind":"robot"},"payload":{},"meta":{}}""")));
    }

    [Theory]
    [InlineData("wallet.>", "wallet.tx.confirmed", true)]
    [InlineData("wallet.>", "wallet", false)]
    [InlineData("agent.run.*", "agent.run.started", true)]
    [InlineData("agent.run.*", "agent.run.started.x", false)]
    [InlineData("rwa.inventory.updated", "rwa.inventory.updated", true)]
    [InlineData("rwa.inventory.updated", "rwa.inventory", false)]
    [InlineData("*.*.increment", "usage.llm.increment", true)]
    public void SubjectPattern_MatchesAsNatsDoes(string pattern, string subject, bool matches) =>
        Assert.Equal(matches, SubjectPattern.Matches(pattern, subject));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
