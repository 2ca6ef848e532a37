namespace Daarion.ApiHost.Mail;

/// <summary>A plain-text mail to one recipient.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body)
{
    /// <summary>Redacted: bodies carry one-time codes.</summary>
    public override string ToString() => $"{{ Subject = {Subject} }}";
}
