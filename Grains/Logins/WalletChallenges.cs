using Daarion.Crypto.Siwe;
using Daarion.Grains.Access;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Logins;

/// <summary>
/// Sign-In with Ethereum nonces: issued for an address, consumed by the first login that names them (deleted, whatever
/// the outcome), so a signed message is good for one login only. Expired ones are swept as new ones are issued.
/// </summary>
public sealed class WalletChallenges(RegistryDatabase database, IOptions<LoginOptions> options, TimeProvider time)
{
    public async Task<WalletChallenge> IssueAsync(string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var challenge = new WalletChallenge(SiweNonce.Generate(), address.ToLowerInvariant(), now + options.Value.ChallengeLifetime);
        await database.QueryAsync(
            "WITH swept AS (DELETE FROM auth_nonces WHERE expires_at < $4) INSERT INTO auth_nonces (nonce, address, created_at, expires_at) VALUES ($1, $2, $4, $3) RETURNING 1",
            r => r.GetInt32(0), cancellationToken, challenge.Nonce, challenge.Address, challenge.ExpiresAt, now).ConfigureAwait(false);
        return challenge;
    }

    /// <summary>Takes the nonce out, returning what it was issued for; null when unknown or already used.</summary>
    public async Task<WalletChallenge?> ConsumeAsync(string nonce, CancellationToken cancellationToken) =>
        (await database.QueryAsync("DELETE FROM auth_nonces WHERE nonce = $1 RETURNING nonce, address, expires_at",
            r => new WalletChallenge(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), cancellationToken, nonce).ConfigureAwait(false))
        .FirstOrDefault();
}
