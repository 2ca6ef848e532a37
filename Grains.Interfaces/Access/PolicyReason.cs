namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// A grant that took part in a decision: its effect (allow or deny) on the capability, where the subject got it
/// (e.g. <c>scope wallet:write → bundle wallet.writer</c>) and the team it is limited to (null: every team).
/// </summary>
public sealed record PolicyReason(string Effect, string Capability, string Source, Guid? TeamId);
