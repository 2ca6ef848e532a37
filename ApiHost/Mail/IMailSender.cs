namespace Daarion.ApiHost.Mail;

/// <summary>Delivers mail: SMTP in production, the development mailbox by default.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
