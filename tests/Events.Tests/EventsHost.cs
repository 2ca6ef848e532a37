using Daarion.Adapters.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Events.Tests;

/// <summary>A host running the event backbone as the API host does (relay, lag monitor, provisioning), on real servers.</summary>
internal sealed class EventsHost : IAsyncDisposable
{
    private readonly IHost _host;
    private int _disposed;

    private EventsHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<EventsHost> StartAsync(
        string database, string natsUrl, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Quick enough for tests that measure the backlog and restart servers.
            ["Events:Relay:LagSampleInterval"] = "00:00:00.100",
            ["Events:Relay:MaxRetryDelay"] = "00:00:00.500",
            ["Events:RequestTimeout"] = "00:00:03",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database));
        builder.Services.AddEventBackbone(_ => new NatsOptions
        {
            Url = natsUrl,
            Name = "events-tests",
            ReconnectWait = TimeSpan.FromMilliseconds(50),
            MaxReconnectWait = TimeSpan.FromMilliseconds(500),
        });
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new EventsHost(host);
    }

    /// <summary>Stops the host; a second call does nothing (tests stop a host early and dispose it at the end).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _host.StopAsync();
        _host.Dispose();
    }
}
