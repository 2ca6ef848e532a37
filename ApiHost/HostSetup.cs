using System.Text.Json;
using Daarion.Adapters.Nats;
using Daarion.ApiHost.Access;
using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Economy;
using Daarion.ApiHost.Embassy;
using Daarion.ApiHost.Energy;
using Daarion.ApiHost.Events;
using Daarion.ApiHost.Health;
using Daarion.ApiHost.Infrastructure;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Logins;
using Daarion.ApiHost.Mail;
using Daarion.ApiHost.Metrics;
using Daarion.ApiHost.Problems;
using Daarion.ApiHost.Retention;
using Daarion.Crypto.Siwe;
using Daarion.Events;
using Daarion.Grains;
using Daarion.Grains.Energy;
using Daarion.Grains.Ledger;
using Daarion.Silo.Events;
using Daarion.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.ApiHost;

/// <summary>The host's services, middleware and endpoints, so Program.cs stays a few lines.</summary>
public static class HostSetup
{
    /// <summary>Listens on port 8080 unless ASPNETCORE_URLS (or --urls / HTTP_PORTS) says otherwise.</summary>
    public static void UseDefaultPort(this WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        if (configuration["urls"] is null && configuration["http_ports"] is null && configuration["https_ports"] is null)
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        }
    }

    public static void AddDaarionServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new DecimalStringConverter());
        });
        services.AddOpenApi();
        services.AddSilo(silo => silo.AddGrains(GrainsAssembly.Assembly));
        services.AddLedger();
        services.AddStakingAndPayouts(builder.Configuration);
        builder.AddSecretsAtRest();
        services.AddEnergy();
        services.AddEventBackbone(sp => new NatsOptions { Url = sp.GetRequiredService<InfrastructureEndpoints>().NatsUrl, Name = "daarion-api" });
        services.AddSingleton<ReadinessProbe>();
        services.AddRetention();
        builder.AddBearerAccessControl();
        builder.AddMail();
        services.AddSingleton<LoginIssuer>();
        services.AddSingleton(sp => new SiweVerifier(sp.GetRequiredService<TimeProvider>()));
    }

    public static void UseDaarionPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            // Bare status codes (404 from routing, 405) become problem+json too.
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Type = ProblemTypes.ForStatus(http.Response.StatusCode) },
            });
        });
        // Size limits apply before a webhook's body is read to check its signature, which comes before access control.
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseMiddleware<WebhookAuthenticationMiddleware>();
        app.UseMiddleware<AccessControlMiddleware>();
        app.Lifetime.ApplicationStarted.Register(() => LogStarted(app));
    }

    public static void MapDaarionApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequiresAction(ActionCatalog.OpenApiRead).AllowAnonymousAccess();
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapAssetsApi();
        app.MapWalletsApi();
        app.MapTransfersApi();
        app.MapHoldsApi();
        app.MapStakingApi();
        app.MapPayoutsApi();
        app.MapRegistryApi();
        app.MapGrantsApi();
        app.MapIdentitiesApi();
        app.MapTeamsApi();
        app.MapAccessKeysApi();
        app.MapPdpApi();
        app.MapAuthApi();
        if (app.Services.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Development) app.MapDevMailboxApi();
        app.MapSitesApi();
        app.MapOracleApi();
        app.MapRwaApi();
        app.MapEmbassyApi();
        app.MapReplayApi();
        app.EnsureEveryRouteHasAnAction();
    }

    private static void LogStarted(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<InfrastructureEndpoints>();
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Server addresses only: credentials stay out of the log.
        var database = new NpgsqlConnectionStringBuilder(endpoints.DatabaseConnectionString);
        var nats = string.Join(", ", NatsServerAddress.ParseList(endpoints.NatsUrl));
        Log.Started(app.Logger, string.Join(", ", addresses), $"{database.Host}:{database.Port}/{database.Database}", nats,
            endpoints.Private ? "private servers under DAARION_DATA_DIR" : "external servers");
        if (app.Services.GetRequiredService<DevelopmentAccess>().Enabled)
        {
            // Development only (private database, generated secret): the operator needs a token to try the API.
            var token = app.Services.GetRequiredService<JwtIssuer>().Issue("dev", Scopes.All, TimeSpan.FromDays(30));
            Console.WriteLine($"Development token (sub=dev, scopes: {string.Join(' ', Scopes.All)}, 30 days):{Environment.NewLine}{token}");
        }
    }
}
