using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Body of POST /v1/registry/grants: one of bundle and capability; effect allow or deny; team_id limits it to one team.</summary>
public sealed record GrantRequest(string? SubjectKind, string? SubjectId, Guid? TeamId, string? Bundle, string? Capability, string? Effect, string? Note)
{
    public NewGrant ToGrant() => new(SubjectKind ?? "", SubjectId ?? "", TeamId, Bundle, Capability, Effect ?? "", Note ?? "");
}
