namespace Daarion.Adapters.Nats;

/// <summary>The connection changed state; <see cref="Error"/> says why it left the previous one, if it failed.</summary>
public sealed class NatsConnectionStateChangedEventArgs(NatsConnectionState state, NatsServerAddress? server, Exception? error) : EventArgs
{
    public NatsConnectionState State { get; } = state;

    /// <summary>The server connected to, or the one just lost.</summary>
    public NatsServerAddress? Server { get; } = server;

    public Exception? Error { get; } = error;
}
