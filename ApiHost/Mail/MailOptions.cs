using System.Net.Mail;

namespace Daarion.ApiHost.Mail;

/// <summary>Mail settings, bound from the "Mail" configuration section (e.g. Mail__Delivery=Smtp, Mail__Smtp__Host=…).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Development;

    public string From { get; set; } = "DAARION <no-reply@daarion.city>";

    /// <summary>Mails waiting for delivery; beyond it new mails are dropped (and logged), never the request held up.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Every problem with the settings, each naming its option; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!MailAddress.TryCreate(From, out _)) yield return "Mail:From must be an address such as \"DAARION <no-reply@daarion.city>\".";
        if (QueueCapacity < 1) yield return "Mail:QueueCapacity must be at least 1.";
        if (Delivery != MailDelivery.Smtp) yield break;
        if (string.IsNullOrWhiteSpace(Smtp.Host)) yield return "Mail:Smtp:Host is required when Mail:Delivery is Smtp.";
        if (Smtp.Port is < 1 or > 65535) yield return "Mail:Smtp:Port must be between 1 and 65535.";
        if (string.IsNullOrEmpty(Smtp.Username) != string.IsNullOrEmpty(Smtp.Password)) yield return "Mail:Smtp:Username and Mail:Smtp:Password go together.";
    }
}
