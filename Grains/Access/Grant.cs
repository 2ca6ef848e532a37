using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>
/// One compiled grant of a subject: allow or deny one capability, in one team or (TeamId null) every team, with where
/// it came from. An access key's own capabilities allow only what its owner is allowed too (OwnerMustAllow).
/// </summary>
internal sealed record Grant(string Capability, GrantEffect Effect, Guid? TeamId, string Source, bool OwnerMustAllow = false)
{
    public bool AppliesTo(Guid? teamId) => TeamId is null || TeamId == teamId;

    public PolicyReason ToReason() => new(GrantEffects.Name(Effect), Capability, Source, TeamId);
}
