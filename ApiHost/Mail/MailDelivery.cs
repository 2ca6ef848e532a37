namespace Daarion.ApiHost.Mail;

/// <summary>Where mail goes (Mail:Delivery).</summary>
public enum MailDelivery
{
    /// <summary>The dev_mailbox table, read over GET /v1/dev/mailbox: nothing leaves the machine.</summary>
    Development,

    /// <summary>An SMTP server (Mail:Smtp:*).</summary>
    Smtp,
}
