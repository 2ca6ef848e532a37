using Daarion.Grains.Energy;

namespace Daarion.ApiHost.Embassy;

/// <summary>A webhook body that carries one meter reading.</summary>
public interface IReadingWebhookBody : IWebhookBody
{
    /// <summary>The reading, or what is wrong with the body (naming the body's own fields).</summary>
    internal bool TryToReading(out SiteReading reading, out string? error);
}
