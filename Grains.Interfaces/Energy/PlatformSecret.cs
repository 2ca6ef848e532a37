namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A Standard Webhooks secret (<c>whsec_…</c>) to register for a platform.</summary>
public sealed record PlatformSecret(string Platform, string Secret, WriteKey Key)
{
    /// <summary>Hides the secret, so logging a registration cannot leak it.</summary>
    public override string ToString() => $"PlatformSecret {{ Platform = {Platform} }}";
}
