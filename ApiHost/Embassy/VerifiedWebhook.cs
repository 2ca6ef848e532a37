using System.Security.Cryptography;
using System.Text;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>A webhook whose signature and timestamp verified: the platform that signed it, its id, when, and the raw body.</summary>
internal sealed record VerifiedWebhook(string Platform, string WebhookId, DateTimeOffset SignedAt, byte[] Body)
{
    /// <summary>What the site grain stores with the webhook's effect.</summary>
    public WebhookReceipt Receipt(WebhookRoute route, DateTimeOffset receivedAt) =>
        new(Platform, WebhookId, route, SHA256.HashData(Body), Encoding.UTF8.GetString(Body), SignedAt, receivedAt);
}
