namespace Daarion.Adapters.Nats.Tests;

[CollectionDefinition(Name)]
public sealed class SharedNatsServerCollection : ICollectionFixture<SharedNatsServer>
{
    public const string Name = "shared nats-server";
}
