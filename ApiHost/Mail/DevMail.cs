namespace Daarion.ApiHost.Mail;

/// <summary>A mail of the development mailbox.</summary>
public sealed record DevMail(long MessageId, string Recipient, string Subject, string Body, DateTimeOffset CreatedAt);
