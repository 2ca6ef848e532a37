using Daarion.Events.Catalog;

namespace Daarion.Events.Acl;

/// <summary>
/// One NATS user per service: the API host (which relays the outbox and provisions the catalog), the two services §12
/// names, and every consumer group of §10.
/// </summary>
/// <remarks>
/// §12 writes "deny: wallet.*"; every wallet subject has three tokens (wallet.tx.sent), which "wallet.*" would not match,
/// so the deny is "wallet.>", which is what the seed means.
/// </remarks>
public static class ServiceAccounts
{
    public const string ApiHost = "api-host";

    public static IReadOnlyList<ServiceAccount> All { get; } = Build();

    private static List<ServiceAccount> Build()
    {
        List<ServiceAccount> accounts =
        [
            new(ApiHost)
            {
                Publishes = [.. EventCatalog.Streams.SelectMany(s => s.Subjects)],
                Consumes = [.. EventCatalog.Streams.SelectMany(s => s.ConsumerGroups.Select(g => (s.Name, g)))],
                ManagesJetStream = true,
            },
            new("agent-orchestrator") { Publishes = ["agent.run.*"], Subscribes = ["usage.agent_run.*"], Denies = ["wallet.>"] },
            new("embassy") { Publishes = ["embassy.>"], Denies = ["wallet.>"] },
        ];
        // Each consumer group of §10 is a service reading its streams; services named in several streams read all of them.
        foreach (var group in EventCatalog.Streams.SelectMany(s => s.ConsumerGroups.Select(g => (Stream: s.Name, Group: g))).GroupBy(x => x.Group))
        {
            accounts.Add(new ServiceAccount(group.Key) { Consumes = [.. group.Select(x => (x.Stream, x.Group))] });
        }
        return accounts;
    }
}
