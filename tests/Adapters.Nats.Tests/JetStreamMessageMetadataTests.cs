using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

public sealed class JetStreamMessageMetadataTests
{
    [Fact]
    public void TryParse_TheNineTokenFormOfServer29()
    {
        Assert.True(JetStreamMessageMetadata.TryParse("$JS.ACK.ORDERS.worker.2.17.5.1700000000123456789.40", out var metadata));

        Assert.Equal(
            new JetStreamMessageMetadata
            {
                Stream = "ORDERS",
                Consumer = "worker",
                NumDelivered = 2,
                StreamSequence = 17,
                ConsumerSequence = 5,
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4567),
                NumPending = 40,
            },
            metadata);
    }

    [Theory]
    [InlineData("$JS.ACK._.ACCHASH.ORDERS.worker.1.3.3.1700000000000000000.0.r4nd0m", null)]
    [InlineData("$JS.ACK.hub.ACCHASH.ORDERS.worker.1.3.3.1700000000000000000.0", "hub")]
    public void TryParse_TheNewerFormWithDomainAndAccountHash(string subject, string? domain)
    {
        Assert.True(JetStreamMessageMetadata.TryParse(subject, out var metadata));

        Assert.Equal((domain, "ORDERS", "worker", 3ul, 0ul), (metadata!.Domain, metadata.Stream, metadata.Consumer, metadata.StreamSequence, metadata.NumPending));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("_INBOX.abc.1")]
    [InlineData("$JS.ACK.ORDERS.worker.1.2.3.4")]
    [InlineData("$JS.ACK.ORDERS.worker.x.2.3.4.5")]
    public void TryParse_AnythingElse_IsFalse(string? subject) =>
        Assert.False(JetStreamMessageMetadata.TryParse(subject, out _));
}
