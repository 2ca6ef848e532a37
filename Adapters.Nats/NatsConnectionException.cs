namespace Daarion.Adapters.Nats;

/// <summary>No server could be reached, the connection was lost, or it is closed for good.</summary>
public class NatsConnectionException : NatsException
{
    public NatsConnectionException(string message)
        : base(message)
    {
    }

    public NatsConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
