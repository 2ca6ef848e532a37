namespace Daarion.Grains.Logins;

/// <summary>A Sign-In with Ethereum nonce issued to an address, and until when it may be used.</summary>
public sealed record WalletChallenge(string Nonce, string Address, DateTimeOffset ExpiresAt);
