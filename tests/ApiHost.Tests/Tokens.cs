using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Daarion.ApiHost.Tests;

/// <summary>Tokens minted by a standard JWT library (Microsoft.IdentityModel), as any client would mint them.</summary>
internal static class Tokens
{
    public static string Mint(string scope, string subject = "tester", string audience = ApiFactory.Audience, string secret = ApiFactory.Secret,
        DateTime? expires = null, DateTime? notBefore = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = scope },
            Audience = audience,
            Expires = expires ?? now.AddHours(1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).AddSeconds(-1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public const string All = "wallet:read wallet:write wallet:admin";
}
