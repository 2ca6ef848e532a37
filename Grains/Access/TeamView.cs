namespace Daarion.Grains.Access;

/// <summary>A team (tenant): its plan, its mode and its members.</summary>
public sealed record TeamView(Guid TeamId, string Name, string Plan, string Mode, DateTimeOffset CreatedAt, IReadOnlyList<MemberView> Members);
