using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Daarion.Grains.Interfaces.Access;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// Validates bearer JWTs: compact form, header alg HS256 only (never "none" or another algorithm), signature in
/// constant time, exp required, nbf and aud checked, sub required; scope is the space-separated list of the wallet
/// seed; sid names the login session (tokens issued at login). Valid tokens are remembered until they expire, so a
/// client's repeated token costs one lookup; whether its session was revoked is checked by the caller on every use.
/// </summary>
public sealed class JwtValidator(JwtOptions options, TimeProvider time)
{
    private const int MaxTokenLength = 8192;
    private const int CacheCapacity = 10_000;

    private readonly ConcurrentDictionary<string, TokenClaims> _valid = new(StringComparer.Ordinal);

    public bool TryValidate(string token, out TokenClaims claims, out string error)
    {
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(token, out var known) && known.ExpiresAt + options.ClockSkew > now)
        {
            claims = known;
            error = "";
            return true;
        }
        claims = null!;
        if (!TryValidateUncached(token, now, out var validated, out error)) return false;
        if (_valid.Count >= CacheCapacity) _valid.Clear();
        _valid[token] = validated;
        claims = validated;
        return true;
    }

    private bool TryValidateUncached(string token, DateTimeOffset now, out TokenClaims validated, out string error)
    {
        validated = null!;
        if (token.Length > MaxTokenLength) return Fail("the token is too long", out error);
        var parts = token.Split('.');
        if (parts.Length != 3) return Fail("the token is not a compact JWS (header.payload.signature)", out error);
        if (!TryDecodeJson(parts[0], out var header)) return Fail("the token header is not base64url JSON", out error);
        using (header)
        {
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
            {
                return Fail("only HS256 tokens are accepted", out error);
            }
            if (header.RootElement.TryGetProperty("crit", out _)) return Fail("critical header extensions are not supported", out error);
        }
        if (!TryDecode(parts[2], out var signature)) return Fail("the token signature is not base64url", out error);
        var expected = HMACSHA256.HashData(options.Secret, Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(signature, expected)) return Fail("the token signature does not verify", out error);

        if (!TryDecodeJson(parts[1], out var payload)) return Fail("the token payload is not base64url JSON", out error);
        using (payload)
        {
            var claims = payload.RootElement;
            if (claims.ValueKind != JsonValueKind.Object) return Fail("the token payload is not a JSON object", out error);
            if (!TryTime(claims, "exp", out var expires) || expires is null) return Fail("the token has no valid exp claim", out error);
            if (expires + options.ClockSkew <= now) return Fail("the token expired", out error);
            if (!TryTime(claims, "nbf", out var notBefore)) return Fail("the token's nbf claim is not a number", out error);
            if (notBefore - options.ClockSkew > now) return Fail("the token is not valid yet", out error);
            if (!HasAudience(claims)) return Fail($"the token is not for audience '{options.Audience}'", out error);
            if (!claims.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sub.GetString()))
            {
                return Fail("the token has no sub claim", out error);
            }
            if (!TrySession(claims, out var session)) return Fail("the token's sid claim is not a session id", out error);
            validated = new TokenClaims(sub.GetString()!, Scopes(claims), expires.Value, session);
        }
        error = "";
        return true;
    }

    private bool HasAudience(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud)) return false;
        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == options.Audience,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == options.Audience),
            _ => false,
        };
    }

    private static string Scopes(JsonElement claims) =>
        claims.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String
            ? PolicySubject.CanonicalScopes(scope.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : "";

    private static bool TrySession(JsonElement claims, out Guid? session)
    {
        session = null;
        if (!claims.TryGetProperty("sid", out var sid)) return true;
        if (sid.ValueKind != JsonValueKind.String || !Guid.TryParseExact(sid.GetString(), "D", out var id)) return false;
        session = id;
        return true;
    }

    // NumericDate claims (RFC 7519 §2): seconds since the epoch, possibly fractional. Absent is fine (null); malformed is not.
    private static bool TryTime(JsonElement claims, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!claims.TryGetProperty(name, out var claim)) return true;
        if (claim.ValueKind != JsonValueKind.Number || !claim.TryGetDouble(out var seconds) || seconds is < 0 or > 253402300799) return false;
        value = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return true;
    }

    private static bool TryDecodeJson(string part, out JsonDocument document)
    {
        document = null!;
        if (!TryDecode(part, out var bytes)) return false;
        try
        {
            document = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0 || !Base64Url.IsValid(part, out var length)) return false;
        bytes = new byte[length];
        return Base64Url.DecodeFromChars(part, bytes) == length;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
