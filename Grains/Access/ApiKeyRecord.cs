namespace Daarion.Grains.Access;

/// <summary>What authenticating a key needs from its row: the secret's hash, whose key it is, and whether it still works.</summary>
internal sealed record ApiKeyRecord(Guid KeyId, ApiKeyKind Kind, byte[] SecretHash, string SubjectId, DateTimeOffset? ExpiresAt, bool Revoked, bool IdentityDisabled);
