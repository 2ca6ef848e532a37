using Daarion.Adapters.Nats.JetStream;

namespace Daarion.Adapters.Nats.Tests;

[Collection(SharedNatsServerCollection.Name)]
public sealed class JetStreamManagementTests(SharedNatsServer server)
{
    [Fact]
    public async Task CreateStreamAsync_ReturnsTheEffectiveConfigurationAndState()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();

        var info = await js.CreateStreamAsync(new StreamConfig
        {
            Name = name,
            Subjects = [name + ".>"],
            Storage = StorageType.Memory,
            MaxAge = TimeSpan.FromHours(1),
            DuplicateWindow = TimeSpan.FromMinutes(1),
            MaxMsgsPerSubject = 10,
            Retention = RetentionPolicy.WorkQueue,
            Discard = DiscardPolicy.New,
        });

        Assert.Equal(name, info.Config.Name);
        Assert.Equal([name + ".>"], info.Config.Subjects);
        Assert.Equal(StorageType.Memory, info.Config.Storage);
        Assert.Equal(RetentionPolicy.WorkQueue, info.Config.Retention);
        Assert.Equal(DiscardPolicy.New, info.Config.Discard);
        Assert.Equal(TimeSpan.FromHours(1), info.Config.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(1), info.Config.DuplicateWindow);
        Assert.Equal(10, info.Config.MaxMsgsPerSubject);
        Assert.Equal(-1, info.Config.MaxMsgs);
        Assert.Equal(1, info.Config.NumReplicas);
        Assert.Equal(0ul, info.State.Messages);
        Assert.True(info.Created > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task CreateStreamAsync_WhenItExistsWithAnotherConfiguration_FailsWithStreamNameExists()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".a"] });

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".b"] }));

        Assert.Equal(JetStreamErrorCode.StreamNameExists, error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task CreateOrUpdateStreamAsync_IsIdempotentAndAppliesChanges()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        var config = new StreamConfig { Name = name, Subjects = [name + ".a"], MaxAge = TimeSpan.FromDays(1) };

        var created = await js.CreateOrUpdateStreamAsync(config);
        await js.PublishAsync(name + ".a", "kept"u8.ToArray());
        var again = await js.CreateOrUpdateStreamAsync(config);
        var updated = await js.CreateOrUpdateStreamAsync(config with { Subjects = [name + ".a", name + ".b"] });

        Assert.Equal(created.Created, again.Created);
        Assert.Equal(config.Subjects, again.Config.Subjects);
        Assert.Equal([name + ".a", name + ".b"], updated.Config.Subjects);
        Assert.Equal(1ul, updated.State.Messages);
    }

    [Fact]
    public async Task CreateOrUpdateStreamAsync_WithAForbiddenChange_FailsWithTheServersError()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateOrUpdateStreamAsync(new StreamConfig { Name = name, Subjects = [name], Storage = StorageType.File });

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.CreateOrUpdateStreamAsync(new StreamConfig { Name = name, Subjects = [name], Storage = StorageType.Memory }));

        Assert.Equal(JetStreamErrorCode.StreamInvalidConfig, error.ErrorCode);
        Assert.Contains("storage", error.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpdateStreamAsync_OfAMissingStream_FailsWithStreamNotFound()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() => js.UpdateStreamAsync(new StreamConfig { Name = StreamName() }));

        Assert.Equal(JetStreamErrorCode.StreamNotFound, error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task CreateStreamAsync_WithReplicasOnAStandaloneServer_FailsWithReplicasNotSupported()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name], NumReplicas = 3 }));

        Assert.Equal(JetStreamErrorCode.ReplicasNotSupported, error.ErrorCode);
    }

    [Fact]
    public async Task GetStreamInfoAndDeleteStream_ReportStateAndRemoveIt()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".*"] });
        await js.PublishAsync(name + ".x", "1"u8.ToArray());
        await js.PublishAsync(name + ".y", "22"u8.ToArray());

        var info = await js.GetStreamInfoAsync(name);
        var deleted = await js.DeleteStreamAsync(name);
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetStreamInfoAsync(name));

        Assert.Equal(2ul, info.State.Messages);
        Assert.Equal(1ul, info.State.FirstSeq);
        Assert.Equal(2ul, info.State.LastSeq);
        Assert.True(deleted);
        Assert.Equal(JetStreamErrorCode.StreamNotFound, missing.ErrorCode);
    }

    [Fact]
    public async Task GetMessageAsync_ReadsAStoredMessageBySequenceOrLastBySubject()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".*"] });
        await js.PublishAsync(name + ".a", "first"u8.ToArray(), new NatsHeaders { { "Kind", "test" } });
        await js.PublishAsync(name + ".a", "second"u8.ToArray());
        await js.PublishAsync(name + ".b", "third"u8.ToArray());

        var first = await js.GetMessageAsync(name, 1);
        var lastOnA = await js.GetLastMessageAsync(name, name + ".a");
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetMessageAsync(name, 99));

        Assert.Equal((name + ".a", 1ul, "first", "test"), (first.Subject, first.Seq, System.Text.Encoding.UTF8.GetString(first.Data.Span), first.Headers?["Kind"]));
        Assert.Equal((2ul, "second"), (lastOnA.Seq, System.Text.Encoding.UTF8.GetString(lastOnA.Data.Span)));
        Assert.Null(lastOnA.Headers);
        Assert.Equal(JetStreamErrorCode.NoMessageFound, missing.ErrorCode);
    }

    [Fact]
    public async Task Consumers_CreateIdempotentlyUpdateReportAndDelete()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name + ".*"] });
        var config = new ConsumerConfig
        {
            DurableName = "worker",
            AckWait = TimeSpan.FromSeconds(10),
            MaxDeliver = 5,
            Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            FilterSubject = name + ".a",
            MaxAckPending = 100,
        };

        var created = await js.CreateOrUpdateConsumerAsync(name, config);
        var again = await js.CreateOrUpdateConsumerAsync(name, config);
        var updated = await js.CreateOrUpdateConsumerAsync(name, config with { Description = "updated", MaxAckPending = 50 });
        var info = await js.GetConsumerInfoAsync(name, "worker");

        Assert.Equal(("worker", name), (created.Name, created.StreamName));
        Assert.Equal(TimeSpan.FromSeconds(1), created.Config.AckWait); // the server takes it from the first backoff step
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], created.Config.Backoff);
        Assert.Equal(AckPolicy.Explicit, created.Config.AckPolicy);
        Assert.Equal(DeliverPolicy.All, created.Config.DeliverPolicy);
        Assert.Equal(created.Created, again.Created);
        Assert.Equal(("updated", 50), (updated.Config.Description, updated.Config.MaxAckPending));
        Assert.Equal(50, info.Config.MaxAckPending);

        Assert.True(await js.DeleteConsumerAsync(name, "worker"));
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetConsumerInfoAsync(name, "worker"));
        Assert.Equal(JetStreamErrorCode.ConsumerNotFound, missing.ErrorCode);
    }

    [Fact]
    public async Task CreateOrUpdateConsumerAsync_WithoutADurableName_MakesAnEphemeralConsumer()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);
        var name = StreamName();
        await js.CreateStreamAsync(new StreamConfig { Name = name, Subjects = [name] });

        var info = await js.CreateOrUpdateConsumerAsync(name, new ConsumerConfig { InactiveThreshold = TimeSpan.FromMinutes(1) });

        Assert.False(string.IsNullOrEmpty(info.Name));
        Assert.Null(info.Config.DurableName);
    }

    [Fact]
    public async Task CreateOrUpdateConsumerAsync_OnAMissingStream_FailsWithStreamNotFound()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);

        var error = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.CreateOrUpdateConsumerAsync(StreamName(), new ConsumerConfig { DurableName = "d" }));

        Assert.Equal(JetStreamErrorCode.StreamNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Names_WithDotsOrWildcards_AreRefusedBeforeAnyRequest()
    {
        await using var connection = await server.ConnectAsync();
        var js = new JetStreamContext(connection);

        Assert.Throws<ArgumentException>(() => js.GetConsumer("a.b", "c"));
        Assert.Throws<ArgumentException>(() => js.GetConsumer("a", "c*"));
    }

    private static string StreamName() => "S" + Guid.NewGuid().ToString("N")[..12];
}
