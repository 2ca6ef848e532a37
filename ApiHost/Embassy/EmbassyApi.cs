using System.Text.Json;
using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Energy;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Embassy;

public static class EmbassyApi
{
    /// <summary>
    /// /v1/embassy: platforms registered by an admin (their webhook secrets), and the signed webhooks they send —
    /// meter readings on /energy (seed 42 §8.8) and /oracle (seed 28 §7), food and water stock on /rwa.
    /// </summary>
    public static IEndpointRouteBuilder MapEmbassyApi(this IEndpointRouteBuilder routes)
    {
        var embassy = routes.MapGroup("/v1/embassy").WithTags("Embassy");
        embassy.MapPost("/platforms", Register).RequiresAction(ActionCatalog.PlatformRegister).WithMetadata(RequestSizeLimit.Ledger)
            .Produces<PlatformView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        embassy.MapGet("/platforms/{platform}", Get).RequiresAction(ActionCatalog.PlatformRead)
            .Produces<PlatformView>().ProducesProblem(StatusCodes.Status404NotFound);
        Webhook(embassy.MapPost("/energy", ReadingAsync<EnergyWebhookBody>(WebhookRoute.Energy)), ActionCatalog.EmbassyEnergyUpdate);
        Webhook(embassy.MapPost("/oracle", ReadingAsync<OracleWebhookBody>(WebhookRoute.Oracle)), ActionCatalog.EmbassyEnergyUpdate);
        Webhook(embassy.MapPost("/rwa", Rwa), ActionCatalog.EmbassyRwaUpdate);
        return routes;
    }

    private static void Webhook(RouteHandlerBuilder route, string action) =>
        route.RequiresAction(action).WithMetadata(SignedWebhookEndpoint.Instance, RequestSizeLimit.Ledger)
            .Produces<WebhookReply>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Register(RegisterPlatformRequest body, HttpContext http, EnergyService energy)
    {
        if (!AdminWrites.TryKey(http, "POST /v1/embassy/platforms", body, out var key, out var problem)) return problem;
        if (!body.IsValid(out var error)) return LedgerProblems.Invalid(error!);
        var result = await energy.AddPlatformSecretAsync(new PlatformSecret(body.Platform!, body.Secret!, key));
        return EnergyResponses.Respond(http, result, platform => TypedResults.Created($"/v1/embassy/platforms/{platform.Platform}", platform));
    }

    private static async Task<IResult> Get(string platform, EnergyService energy)
    {
        if (!PlatformNames.IsValid(platform)) return LedgerProblems.Invalid($"The platform in the path must be {PlatformNames.Rule}.");
        return await energy.GetPlatformAsync(platform) is { } view ? TypedResults.Ok(view) : LedgerProblems.NotFound($"Platform {platform} is not registered.");
    }

    /// <summary>A webhook carrying one reading: parsed from the verified body, applied once per webhook-id.</summary>
    private static Func<HttpContext, EnergyService, IOptions<JsonOptions>, TimeProvider, Task<IResult>> ReadingAsync<TBody>(WebhookRoute route)
        where TBody : class, IReadingWebhookBody =>
        async (http, energy, json, time) =>
        {
            if (!TryReadBody<TBody>(http, json.Value, out var webhook, out var body, out var problem)) return problem;
            if (!body.TryToReading(out var reading, out var error)) return LedgerProblems.Invalid(error!);
            var answer = await energy.ReceiveReadingAsync(webhook.Receipt(route, time.GetUtcNow()), reading.SiteId, reading.Reading);
            return EmbassyResponses.Reading(http, webhook, reading.SiteId, answer);
        };

    private static async Task<IResult> Rwa(HttpContext http, EnergyService energy, IOptions<JsonOptions> json, TimeProvider time)
    {
        if (!TryReadBody<RwaWebhookBody>(http, json.Value, out var webhook, out var body, out var problem)) return problem;
        string? error = null;
        if (!SiteIds.IsValid(body.SiteId)) error = $"site_id must be {SiteIds.Rule}.";
        if (!EnergyNames.TryParse<RwaDomain>(body.Domain, out var domain) || domain == RwaDomain.Energy)
        {
            error ??= "domain must be food or water; energy stock follows the meter's readings (/v1/embassy/energy).";
        }
        decimal normalized = 0;
        if (body.Value is not { } text || !Amounts.TryParse(text.Text, signed: false, out var value)) error ??= Amounts.Describe("value", signed: false);
        else if (!InventoryUnits.TryNormalize(domain, body.Unit, value, out normalized)) error ??= "unit must be g, kg or t for food, l or m3 for water, and the value at most 10^15 with 12 decimals in kg or l.";
        if (body.Ts is null) error ??= "ts is required: an RFC 3339 timestamp with a time zone.";
        RequestFields.TryTimestamp(body.Ts, "ts", out var ts, ref error);
        if (error is not null) return LedgerProblems.Invalid(error);
        var receipt = webhook.Receipt(WebhookRoute.Rwa, time.GetUtcNow());
        var report = new InventoryReport(domain, normalized, ts!.Value.ToUniversalTime(), "embassy:" + webhook.Platform, EventActor.Embassy(webhook.Platform), receipt);
        var answer = await energy.ReceiveInventoryAsync(body.SiteId!, report);
        return EmbassyResponses.Inventory(http, webhook, body.SiteId!, answer);
    }

    /// <summary>The verified webhook and its body; a body that is null or names another platform than its signer is refused.</summary>
    private static bool TryReadBody<TBody>(HttpContext http, JsonOptions json, out VerifiedWebhook webhook, out TBody body, out IResult problem) where TBody : class, IWebhookBody
    {
        webhook = http.Features.Get<VerifiedWebhook>() ?? throw new InvalidOperationException("The webhook authentication middleware did not run for this route.");
        body = JsonSerializer.Deserialize<TBody>(webhook.Body, json.SerializerOptions)!;
        problem = null!;
        if (body is null) problem = LedgerProblems.Invalid("The body must be a JSON object.");
        else if (body.Platform is { } named && named != webhook.Platform) problem = LedgerProblems.Invalid($"The body names platform '{named}' but was signed by '{webhook.Platform}'.");
        return problem is null;
    }
}
