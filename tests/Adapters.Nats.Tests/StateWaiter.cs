namespace Daarion.Adapters.Nats.Tests;

internal static class StateWaiter
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Completes when the connection next enters the state (started before the action that causes it).
    public static Task NextAsync(this NatsConnection connection, NatsConnectionState state)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, NatsConnectionStateChangedEventArgs e)
        {
            if (e.State != state)
                return;
            connection.StateChanged -= OnChanged;
            entered.TrySetResult();
        }
        connection.StateChanged += OnChanged;
        return entered.Task.WaitAsync(Patience);
    }
}
