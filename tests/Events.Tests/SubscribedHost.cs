using Npgsql;

namespace Daarion.Events.Tests;

/// <summary>A private nats-server, a fresh database with handled_events, and a host running the recording handler.</summary>
internal sealed record SubscribedHost(PrivateNatsServer Nats, NpgsqlDataSource Database, EventsHost Host) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        await Nats.DisposeAsync();
    }
}
