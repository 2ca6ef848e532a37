using Daarion.Grains.Access;

namespace Daarion.Grains.Logins;

/// <summary>The user a login signs in: found by its email or wallet address, created on its first login.</summary>
public sealed class LoginUsers(RegistryDatabase database, TimeProvider time)
{
    public Task<UserView> ByEmailAsync(string email, CancellationToken cancellationToken) => UpsertAsync("email", email, cancellationToken);

    public Task<UserView> ByWalletAsync(string address, CancellationToken cancellationToken) => UpsertAsync("wallet_address", address.ToLowerInvariant(), cancellationToken);

    // The no-op update makes RETURNING give the existing row too; concurrent first logins end with one user.
    private async Task<UserView> UpsertAsync(string column, string value, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"INSERT INTO users (user_id, {column}, created_at) VALUES ($1, $2, $3) ON CONFLICT ({column}) DO UPDATE SET {column} = EXCLUDED.{column} " +
            "RETURNING user_id, email, wallet_address, created_at",
            r => new UserView(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken, Guid.CreateVersion7(), value, time.GetUtcNow()).ConfigureAwait(false))[0];
}
