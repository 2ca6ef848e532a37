using Daarion.Silo.Hosting;
using Daarion.Silo.Metrics;
using Daarion.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Daarion.Silo.Tests;

/// <summary>A silo in a generic host, with this assembly's test grains, optionally on a real PostgreSQL database.</summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();
    public SiloMetrics Metrics => _host.Services.GetRequiredService<SiloMetrics>();
    public IServiceProvider Services => _host.Services;

    public static async Task<TestSilo> StartAsync(
        string? connectionString = null,
        Action<SiloOptions>? options = null,
        Action<SiloBuilder>? silo = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (connectionString is not null) builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSilo(s =>
        {
            s.AddGrains(typeof(TestSilo).Assembly);
            silo?.Invoke(s);
        });
        builder.Services.Configure<SiloOptions>(o =>
        {
            o.ReminderPollInterval = TimeSpan.FromMilliseconds(100);
            options?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
