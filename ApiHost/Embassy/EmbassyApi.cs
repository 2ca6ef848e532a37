using System.Text;
using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Energy;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;
using Daarion.Silo.Events;

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
        // Seed 42 §8.8's {platform, domain, site_id, value, unit, ts} and seed 28 §7's {site, kWh, ts}; both may add seq, key_id and signature.
        Webhook(embassy.MapPost("/energy", ReadingAsync(WebhookRoute.Energy, ReadingFieldNames.Default, null)), ActionCatalog.EmbassyEnergyUpdate);
        Webhook(embassy.MapPost("/oracle", ReadingAsync(WebhookRoute.Oracle, ReadingFieldNames.Oracle, EnergyUnit.KWh)), ActionCatalog.EmbassyEnergyUpdate);
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
    private static Func<HttpContext, EnergyService, TimeProvider, Task<IResult>> ReadingAsync(WebhookRoute route, ReadingFieldNames names, EnergyUnit? impliedUnit) =>
        async (http, energy, time) =>
        {
            var webhook = Verified(http);
            if (ParseReading(webhook, names, impliedUnit, out var reading) is { } problem) return problem;
            var answer = await energy.ReceiveReadingAsync(webhook.Receipt(route, time.GetUtcNow()), reading.SiteId, reading.Reading);
            return EmbassyResponses.Reading(http, webhook, reading.SiteId, answer);
        };

    private static async Task<IResult> Rwa(HttpContext http, EnergyService energy, TimeProvider time)
    {
        var webhook = Verified(http);
        if (ParseStock(webhook, out var siteId, out var domain, out var value, out var ts) is { } problem) return problem;
        var receipt = webhook.Receipt(WebhookRoute.Rwa, time.GetUtcNow());
        var report = new InventoryReport(domain, value, ts, "embassy:" + webhook.Platform, EventActor.Embassy(webhook.Platform), receipt);
        var answer = await energy.ReceiveInventoryAsync(siteId, report);
        return EmbassyResponses.Inventory(http, webhook, siteId, answer);
    }

    private static IResult? ParseReading(VerifiedWebhook webhook, ReadingFieldNames names, EnergyUnit? impliedUnit, out SiteReading reading)
    {
        reading = default;
        ReadingJson.ReadDocument(webhook.Body, names, out var text);
        if (PlatformMismatch(webhook, text.Platform) is { } mismatch) return mismatch;
        if (text.Domain.Length > 0 && !text.Domain.SequenceEqual("energy"u8)) return LedgerProblems.Invalid("domain must be energy here; food and water stock goes to /v1/embassy/rwa.");
        return new ReadingParser().TryParse(text, names, impliedUnit, out reading, out var error) ? null : LedgerProblems.Invalid(error!);
    }

    /// <summary>A food or water stock report: site_id, domain, value in g, kg or t (food) or l or m3 (water), ts.</summary>
    private static IResult? ParseStock(VerifiedWebhook webhook, out string siteId, out RwaDomain domain, out decimal value, out DateTimeOffset ts)
    {
        ReadingJson.ReadDocument(webhook.Body, ReadingFieldNames.Default, out var text);
        siteId = Encoding.UTF8.GetString(text.SiteId);
        value = 0;
        if (PlatformMismatch(webhook, text.Platform) is { } mismatch)
        {
            (domain, ts) = (default, default);
            return mismatch;
        }
        var error = text.Malformed;
        if (!SiteIds.IsValid(siteId)) error ??= $"site_id must be {SiteIds.Rule}.";
        if (!EnergyNames.TryParse(Encoding.UTF8.GetString(text.Domain), out domain) || domain == RwaDomain.Energy)
        {
            error ??= "domain must be food or water; energy stock follows the meter's readings (/v1/embassy/energy).";
        }
        if (!ReadingParser.TryDecimal(text.Value, out var amount)) error ??= Amounts.Describe("value", signed: false);
        else if (!InventoryUnits.TryNormalize(domain, Encoding.UTF8.GetString(text.Unit), amount, out value)) error ??= "unit must be g, kg or t for food, l or m3 for water, and the value at most 10^15 with 12 decimals in kg or l.";
        if (!Rfc3339.TryParse(text.Ts, out ts)) error ??= "ts must be an RFC 3339 timestamp with a time zone, such as \"2026-01-31T12:00:00Z\".";
        return error is null ? null : LedgerProblems.Invalid(error);
    }

    private static VerifiedWebhook Verified(HttpContext http) =>
        http.Features.Get<VerifiedWebhook>() ?? throw new InvalidOperationException("The webhook authentication middleware did not run for this route.");

    // The signature proves who sent the body; a body that names another platform contradicts it.
    private static IResult? PlatformMismatch(VerifiedWebhook webhook, ReadOnlySpan<byte> platform) =>
        platform.IsEmpty || Ascii.Equals(platform, webhook.Platform)
            ? null
            : LedgerProblems.Invalid($"The body names platform '{Encoding.UTF8.GetString(platform)}' but was signed by '{webhook.Platform}'.");
}
