using Daarion.Grains;
using Microsoft.Extensions.Options;

namespace Daarion.ApiHost.Mail;

/// <summary>
/// Mail waiting for <see cref="MailDispatcher"/>: a request only queues its mail, so its answer and its timing never
/// depend on the mail server (nor, for one-time codes, on anything about the address).
/// </summary>
public sealed class MailQueue(IOptions<MailOptions> options) : BoundedQueue<OutgoingMail>(options.Value.QueueCapacity);
