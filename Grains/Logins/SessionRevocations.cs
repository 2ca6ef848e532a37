using System.Collections.Concurrent;
using Npgsql;

namespace Daarion.Grains.Logins;

/// <summary>
/// The revoked login sessions that could still have valid access tokens (not yet expired), in memory so that every
/// request checks its token's session without a query. Loaded on first use; kept current by logouts here and by the
/// auth_sessions notifications of other hosts.
/// </summary>
public sealed class SessionRevocations(NpgsqlDataSource dataSource, TimeProvider time)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile ConcurrentDictionary<Guid, DateTimeOffset>? _revoked;

    public async ValueTask<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var revoked = _revoked ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        return revoked.ContainsKey(sessionId);
    }

    public void Add(Guid sessionId, DateTimeOffset expiresAt) => _revoked?.TryAdd(sessionId, expiresAt);

    /// <summary>Re-reads the revoked sessions (after a reconnect, notifications may have been missed) and forgets expired ones.</summary>
    public async Task<ConcurrentDictionary<Guid, DateTimeOffset>> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            await using var command = dataSource.CreateCommand("SELECT session_id, expires_at FROM sessions WHERE revoked_at IS NOT NULL AND expires_at > $1");
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var revoked = new ConcurrentDictionary<Guid, DateTimeOffset>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) revoked[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            // Revocations added while reading are kept: the set only grows between loads.
            foreach (var (id, expires) in _revoked ?? []) if (expires > now) revoked.TryAdd(id, expires);
            _revoked = revoked;
            return revoked;
        }
        finally
        {
            _loading.Release();
        }
    }
}
