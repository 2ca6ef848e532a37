namespace Daarion.Grains.Access;

/// <summary>An access key: its owner, the team it is limited to (null: any team its owner reaches), its capabilities.</summary>
internal sealed record AccessKeyFacts(Guid OwnerUserId, Guid? TeamId, IReadOnlyList<string> Capabilities);
