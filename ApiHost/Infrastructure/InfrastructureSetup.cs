using System.Text.RegularExpressions;
using Daarion.Adapters.Nats;
using Daarion.Grains.Ledger;
using Daarion.Hosting;
using Npgsql;

namespace Daarion.ApiHost.Infrastructure;

public static partial class InfrastructureSetup
{
    /// <summary>
    /// Uses DATABASE_URL and NATS_URL when set; for each one missing, starts a private server under DAARION_DATA_DIR
    /// (default .data/) that stops with the host. Registers the NpgsqlDataSource and applies sql/ migrations at start.
    /// </summary>
    public static async Task AddInfrastructureAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var databaseUrl = configuration["DATABASE_URL"];
        var natsUrl = configuration["NATS_URL"];

        LocalInfrastructure? local = null;
        if (string.IsNullOrWhiteSpace(databaseUrl) || string.IsNullOrWhiteSpace(natsUrl))
        {
            var dataRoot = Path.GetFullPath(configuration["DAARION_DATA_DIR"] ?? ".data");
            using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
            local = await LocalInfrastructure.StartAsync(
                dataRoot,
                startPostgres: string.IsNullOrWhiteSpace(databaseUrl),
                startNats: string.IsNullOrWhiteSpace(natsUrl),
                loggers.CreateLogger("Daarion.Hosting"));
            databaseUrl = local.Postgres?.ConnectionString ?? databaseUrl;
            natsUrl = local.Nats?.Url ?? natsUrl;
        }

        var connection = DatabaseUrl.Parse(databaseUrl!);
        // Fail fast rather than wait long when PostgreSQL is away, unless the operator chose a connect timeout.
        if (!ExplicitTimeout().IsMatch(databaseUrl!)) connection.Timeout = 2;
        LedgerConnection.Tune(connection);
        _ = NatsServerAddress.ParseList(natsUrl!); // a malformed NATS_URL stops the start with a clear message

        var endpoints = new InfrastructureEndpoints(connection.ConnectionString, natsUrl!, local is not null);
        builder.Services.AddSingleton(endpoints);
        if (local is not null) builder.Services.AddHostedService(_ => new LocalInfrastructureLifetime(local));
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(endpoints.DatabaseConnectionString));
        builder.Services.AddHostedService<MigrationsHostedService>();
    }

    [GeneratedRegex(@"(^|;)\s*timeout\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitTimeout();
}
