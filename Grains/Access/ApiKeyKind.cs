namespace Daarion.Grains.Access;

/// <summary>The three kinds of key in api_keys, told apart by their token's first four characters.</summary>
public enum ApiKeyKind
{
    /// <summary><c>dak_…</c>: a user's access key, limited to its capabilities and to what its owner may do.</summary>
    Access,

    /// <summary><c>dek_…</c>: an embassy identity's key.</summary>
    Embassy,

    /// <summary><c>dsk_…</c>: an internal service's key.</summary>
    Service,
}
