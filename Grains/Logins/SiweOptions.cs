namespace Daarion.Grains.Logins;

/// <summary>What a Sign-In with Ethereum message must name: our domain; and, when set, its URI and chain id.</summary>
public sealed class SiweOptions
{
    /// <summary>The RFC 3986 authority of the site users sign in to (the message's first line).</summary>
    public string Domain { get; set; } = "localhost:8080";

    public string? Uri { get; set; }

    public ulong? ChainId { get; set; }
}
