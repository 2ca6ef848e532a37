using System.Text.Json.Serialization;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Logins;

/// <summary>The signed-in user, in the login answer's shape.</summary>
public sealed record LoginUser(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("walletAddress")] string? WalletAddress,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt)
{
    public static LoginUser From(UserView user) => new(user.UserId, user.Email, user.WalletAddress, user.CreatedAt);
}
