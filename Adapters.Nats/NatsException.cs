namespace Daarion.Adapters.Nats;

/// <summary>The base of every error this client raises about NATS itself.</summary>
public class NatsException : Exception
{
    public NatsException(string message)
        : base(message)
    {
    }

    public NatsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
