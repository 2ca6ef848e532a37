namespace Daarion.Grains.Logins;

/// <summary>An address's recent sends (for the hourly limit) and its latest code, as a keyed hash, while it may be used.</summary>
public sealed class EmailLoginState
{
    public List<DateTimeOffset> Sends { get; set; } = [];

    public Guid RequestId { get; set; }

    public byte[]? CodeHash { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int Attempts { get; set; }
}
