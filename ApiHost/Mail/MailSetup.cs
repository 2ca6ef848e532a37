using Daarion.Grains;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Mail;

public static class MailSetup
{
    /// <summary>Mail delivery as Mail:Delivery says: the development mailbox (default) or SMTP; and the queue in front of it.</summary>
    public static void AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>>(new OptionsValidator<MailOptions>(o => o.Validate()));
        services.AddSingleton<MailQueue>();
        services.AddSingleton<DevMailbox>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDelivery.Smtp
            ? new SmtpMailSender(sp.GetRequiredService<IOptions<MailOptions>>())
            : sp.GetRequiredService<DevMailbox>());
        services.AddHostedService<MailDispatcher>();
    }
}
