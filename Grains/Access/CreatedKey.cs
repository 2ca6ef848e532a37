namespace Daarion.Grains.Access;

/// <summary>A key just created, with its token: the only time the token is shown.</summary>
public sealed record CreatedKey(KeyView Key, string Token)
{
    /// <summary>Redacted, so that logging the value never logs the token.</summary>
    public override string ToString() => $"{{ Key = {Key} }}";
}
