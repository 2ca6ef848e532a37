namespace Daarion.Silo.Events;

/// <summary>Who caused an event (seed 42 §6): kind is user, agent, service or embassy.</summary>
public sealed record EventActor(string Id, string Kind)
{
    public static EventActor User(string id) => new(id, "user");
    public static EventActor Agent(string id) => new(id, "agent");
    public static EventActor Service(string id) => new(id, "service");
    public static EventActor Embassy(string id) => new(id, "embassy");
}
