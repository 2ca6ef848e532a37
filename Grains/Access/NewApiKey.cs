namespace Daarion.Grains.Access;

/// <summary>A freshly generated key: the token (shown to its owner once, never stored), its public prefix and the secret's hash.</summary>
public sealed record NewApiKey(string Token, string Prefix, byte[] SecretHash)
{
    /// <summary>Redacted: the token is shown once, on purpose, by the API that created it.</summary>
    public override string ToString() => $"{{ Prefix = {Prefix} }}";
}
