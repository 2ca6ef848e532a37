namespace Daarion.Grains.Access;

/// <summary>A row of subject_grants: a bundle or one capability, allowed or denied, globally or in one team.</summary>
internal sealed record DirectGrant(Guid GrantId, Guid? TeamId, string? Bundle, string? Capability, GrantEffect Effect, string Note);
