using Daarion.Hosting;

namespace Daarion.Testing;

/// <summary>
/// A nats-server -js of the test's own, in a temporary directory removed afterwards; for tests that stop, restart or
/// pause it, need particular arguments, or own fixed stream names (the event catalog's).
/// </summary>
public sealed class PrivateNatsServer : IAsyncDisposable
{
    private readonly string _directory;

    private PrivateNatsServer(string directory, NatsServer server)
    {
        _directory = directory;
        Server = server;
    }

    public NatsServer Server { get; }

    public string Url => Server.Url;

    public static async Task<PrivateNatsServer> StartAsync(params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("daarion-nats-").FullName;
        try
        {
            var server = await NatsServer.StartAsync(new NatsServerOptions { StoreDirectory = Path.Combine(directory, "nats"), ExtraArguments = arguments });
            return new PrivateNatsServer(directory, server);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
