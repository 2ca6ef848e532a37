namespace Daarion.Grains.Access;

/// <summary>A registered user: signed in by email, by an Ethereum wallet, or both.</summary>
public sealed record UserView(Guid UserId, string? Email, string? WalletAddress, DateTimeOffset CreatedAt);
