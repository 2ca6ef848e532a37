using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Mail;

/// <summary>Production delivery through the configured SMTP server.</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // SmtpClient is not thread-safe; mail is sent one at a time by the dispatcher, one client per mail.
        using var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port) { EnableSsl = settings.Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(settings.Smtp.Username)) client.Credentials = new NetworkCredential(settings.Smtp.Username, settings.Smtp.Password);
        using var message = new MailMessage(new MailAddress(settings.From), new MailAddress(mail.To)) { Subject = mail.Subject, Body = mail.Body };
        await client.SendMailAsync(message, cancellationToken);
    }
}
