namespace Daarion.ApiHost.Embassy;

/// <summary>Endpoint metadata: the route takes Standard Webhooks from Embassy platforms, authenticated by their signature instead of a bearer token.</summary>
internal sealed class SignedWebhookEndpoint
{
    public static readonly SignedWebhookEndpoint Instance = new();

    private SignedWebhookEndpoint()
    {
    }
}
