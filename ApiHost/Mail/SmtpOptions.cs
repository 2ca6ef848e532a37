namespace Daarion.ApiHost.Mail;

/// <summary>The SMTP server mail goes through when Mail:Delivery is Smtp.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS (or TLS on port 465); off only for a relay on a trusted network.</summary>
    public bool EnableSsl { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }
}
