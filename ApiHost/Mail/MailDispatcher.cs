namespace Daarion.ApiHost.Mail;

/// <summary>Sends queued mail one at a time; a mail that fails is logged (never its body) and dropped: the user asks again.</summary>
internal sealed class MailDispatcher(MailQueue queue, IMailSender sender, ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(mail, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.MailFailed(logger, e, mail.Subject, Domain(mail.To));
            }
        }
    }

    // The recipient's domain says enough to find a delivery problem without logging who it was.
    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];
}
