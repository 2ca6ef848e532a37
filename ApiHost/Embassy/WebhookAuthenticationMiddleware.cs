using System.Text.Json;
using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Energy;
using Daarion.ApiHost.Problems;
using Daarion.Crypto.Webhooks;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Access;
using Daarion.Grains.Interfaces.Energy;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Embassy;

/// <summary>
/// Authenticates Embassy webhooks (Standard Webhooks) before access control decides: reads the raw body (within the
/// route's size limit), finds the platform (the Embassy-Platform header, else the body's "platform" field), and has the
/// embassy grain verify the signature and the timestamp against the platform's secrets. A verified webhook continues
/// as the platform (subject embassy:{platform}); anything else ends here with 401.
/// </summary>
internal sealed class WebhookAuthenticationMiddleware(RequestDelegate next, EnergyService energy, IOptions<EmbassyOptions> options, ILogger<WebhookAuthenticationMiddleware> logger)
{
    public const string PlatformHeader = "Embassy-Platform";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SignedWebhookEndpoint>() is null)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        var body = await RequestBody.ReadAsync(context);

        var platform = PlatformOf(request, body);
        if (!PlatformNames.IsValid(platform))
        {
            Log.WebhookRefused(logger, "(none)", "no platform named");
            await Refuse(context, $"Name the platform in the {PlatformHeader} header or the body's \"platform\" field.");
            return;
        }
        var headers = request.Headers;
        var delivery = new WebhookDelivery(headers[StandardWebhookHeaders.Id], headers[StandardWebhookHeaders.Timestamp], headers[StandardWebhookHeaders.Signature], body);
        var verdict = await energy.VerifyWebhookAsync(platform, delivery);
        if (!verdict.IsValid)
        {
            Log.WebhookRefused(logger, platform, verdict.Check.ToString());
            await Refuse(context, Describe(verdict.Check, platform));
            return;
        }
        // The platform is the embassy of the same name: the PDP decides on its capabilities (registered with its secret).
        var embassy = new PolicySubject(SubjectKind.Embassy, platform);
        context.Features.Set(new Caller(embassy, embassy.Key));
        context.Features.Set(new VerifiedWebhook(platform, delivery.Id!, verdict.SignedAt!.Value, body));
        await next(context);
    }

    private string Describe(WebhookCheck check, string platform) => check switch
    {
        WebhookCheck.MissingHeaders => $"The {StandardWebhookHeaders.Id}, {StandardWebhookHeaders.Timestamp} and {StandardWebhookHeaders.Signature} headers are required.",
        WebhookCheck.InvalidTimestamp => $"{StandardWebhookHeaders.Timestamp} must be Unix seconds.",
        WebhookCheck.TimestampTooOld => $"{StandardWebhookHeaders.Timestamp} is more than {options.Value.TimestampTolerance.TotalSeconds:0} s old: re-sign the delivery with the current time.",
        WebhookCheck.TimestampTooNew => $"{StandardWebhookHeaders.Timestamp} is more than {options.Value.TimestampTolerance.TotalSeconds:0} s in the future.",
        // Unknown platforms get the same answer as bad signatures, so platform names cannot be probed.
        _ => $"No current secret of platform '{platform}' verifies the {StandardWebhookHeaders.Signature} over the raw body.",
    };

    private static Task Refuse(HttpContext context, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized, detail: detail).ExecuteAsync(context);

    private static string? PlatformOf(HttpRequest request, byte[] body)
    {
        var header = request.Headers[PlatformHeader].ToString();
        if (header.Length > 0) return header;
        // Read before the signature is checked, only to pick the secrets; the signature then covers the whole body.
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPlatform = reader.ValueTextEquals("platform");
                reader.Read();
                if (isPlatform) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: no platform in it.
        }
        return null;
    }
}
