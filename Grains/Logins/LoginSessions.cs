using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Daarion.Grains.Access;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Daarion.Grains.Logins;

/// <summary>
/// Login sessions. A refresh token (<c>drt_{session}_{secret}</c>) rotates on each use; presenting the one it replaced
/// means it was stolen or replayed, and ends the session. Ending a session (logout, reuse) revokes its access tokens on
/// every host: here at once, elsewhere through the auth_sessions notification.
/// </summary>
public sealed class LoginSessions(NpgsqlDataSource dataSource, SessionRevocations revocations, IOptions<LoginOptions> options, TimeProvider time)
{
    private const string Prefix = "drt_";
    private static readonly int SecretLength = Base64Url.GetEncodedLength(32);

    public async Task<SessionTokens> StartAsync(Guid userId, string method, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = Guid.CreateVersion7(now);
        var (token, hash) = NewRefreshToken(session);
        var expires = now + options.Value.SessionLifetime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await RegistryDatabase.ExecuteAsync(connection, transaction,
            "INSERT INTO sessions (session_id, user_id, method, created_at, expires_at, refresh_hash) VALUES ($1, $2, $3, $4, $5, $6)",
            session, userId, method, now, expires, hash).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SessionTokens(session, userId, token, expires);
    }

    /// <summary>The session's next refresh token, or null (with why) when the token is not its current one.</summary>
    public async Task<(SessionTokens? Tokens, string? Error)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (!TryParse(refreshToken, out var session, out var hash)) return (null, "the refresh token is malformed");
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await RegistryDatabase.QueryAsync(connection, transaction,
            "SELECT user_id, expires_at, refresh_hash, previous_refresh_hash, revoked_at IS NOT NULL FROM sessions WHERE session_id = $1 FOR UPDATE",
            r => (User: r.GetGuid(0), Expires: r.GetFieldValue<DateTimeOffset>(1), Current: (byte[])r[2], Previous: r.IsDBNull(3) ? null : (byte[])r[3], Revoked: r.GetBoolean(4)),
            session).ConfigureAwait(false);
        if (rows.Count == 0) return (null, "the refresh token is not known");
        var row = rows[0];
        if (row.Revoked) return (null, "the session was ended");
        if (row.Expires <= now) return (null, "the session expired");
        if (!CryptographicOperations.FixedTimeEquals(row.Current, hash))
        {
            if (row.Previous is null || !CryptographicOperations.FixedTimeEquals(row.Previous, hash)) return (null, "the refresh token is not known");
            await RevokeAsync(connection, transaction, session, row.Expires, "a used refresh token was presented again").ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            revocations.Add(session, row.Expires);
            return (null, "the refresh token was already used; the session is ended");
        }
        var (token, next) = NewRefreshToken(session);
        await RegistryDatabase.ExecuteAsync(connection, transaction,
            "UPDATE sessions SET previous_refresh_hash = refresh_hash, refresh_hash = $2, refreshed_at = $3 WHERE session_id = $1", session, next, now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (new SessionTokens(session, row.User, token, row.Expires), null);
    }

    /// <summary>Ends the user's session (logout); false when it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(Guid session, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await RegistryDatabase.QueryAsync(connection, transaction,
            "SELECT expires_at FROM sessions WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL FOR UPDATE",
            r => r.GetFieldValue<DateTimeOffset>(0), session, userId).ConfigureAwait(false);
        if (rows.Count == 0) return false;
        await RevokeAsync(connection, transaction, session, rows[0], "logout").ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        revocations.Add(session, rows[0]);
        return true;
    }

    // The notification goes out with the commit, to every host listening.
    private async Task RevokeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid session, DateTimeOffset expires, string reason) =>
        await RegistryDatabase.QueryAsync(connection, transaction,
            "UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE session_id = $1 RETURNING pg_notify($4, $5)",
            _ => 0, session, time.GetUtcNow(), reason, SessionNotifications.ChannelName, $"{session} {expires.ToUnixTimeMilliseconds()}").ConfigureAwait(false);

    private static (string Token, byte[] Hash) NewRefreshToken(Guid session)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{session:N}_{secret}", Hash(secret));
    }

    private static bool TryParse(string token, out Guid session, out byte[] hash)
    {
        session = default;
        hash = [];
        if (token.Length != Prefix.Length + 32 + 1 + SecretLength || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + 32] != '_') return false;
        if (!Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out session)) return false;
        hash = Hash(token[(Prefix.Length + 33)..]);
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));
}
