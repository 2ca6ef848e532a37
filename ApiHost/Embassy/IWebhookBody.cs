namespace Daarion.ApiHost.Embassy;

/// <summary>A webhook body; a body that names its platform must name the one that signed it.</summary>
public interface IWebhookBody
{
    string? Platform { get; }
}
