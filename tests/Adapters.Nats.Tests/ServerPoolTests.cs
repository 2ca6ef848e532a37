using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats.Tests;

public sealed class ServerPoolTests
{
    private static readonly NatsServerAddress A = new("a", 4222, "app", "pw");
    private static readonly NatsServerAddress B = new("b", 4222);

    [Fact]
    public void MarkConnected_MovesTheServerToTheEnd_SoAReconnectTriesTheOthersFirst()
    {
        var pool = new ServerPool([A, B], randomize: false);

        pool.MarkConnected(A);

        Assert.Equal([B, A], pool.Snapshot());
    }

    [Fact]
    public void AddDiscovered_AddsUnknownServersFirstWithTheConfiguredCredentials()
    {
        var pool = new ServerPool([A, B], randomize: false);

        var added = pool.AddDiscovered(["a:4222", "c:5222", "[::1]:6222", "c:5222", "garbage"]);

        Assert.Equal([new NatsServerAddress("c", 5222, "app", "pw"), new NatsServerAddress("::1", 6222, "app", "pw")], added);
        Assert.Equal(4, pool.Snapshot().Count);
        Assert.Equal("nats://c:5222", added[0].ToString());
    }

    [Fact]
    public void Randomize_KeepsEveryServer()
    {
        var servers = Enumerable.Range(1, 20).Select(i => new NatsServerAddress($"h{i}", 4222)).ToArray();

        var pool = new ServerPool(servers, randomize: true);

        Assert.Equal(servers.OrderBy(s => s.Host), pool.Snapshot().OrderBy(s => s.Host));
    }
}
