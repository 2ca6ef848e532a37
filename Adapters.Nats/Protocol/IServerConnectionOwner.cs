namespace Daarion.Adapters.Nats.Protocol;

// What a ServerConnection hands up to the NatsConnection that owns it; called on the socket reader.
internal interface IServerConnectionOwner
{
    void OnMessage(in RawMessage message);

    void OnInfo(ServerConnection connection, NatsServerInfo info);

    void OnServerError(ServerConnection connection, string error);
}
