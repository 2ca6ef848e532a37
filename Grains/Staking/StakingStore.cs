using Npgsql;

namespace Daarion.Grains.Staking;

/// <summary>Who holds which staking wallets (staking_ringk), and the stakes of a DAO as the ledger holds them.</summary>
public sealed class StakingStore(NpgsqlDataSource dataSource)
{
    /// <summary>The idempotency scope of the ledger writes staking and payouts make on behalf of users.</summary>
    public const string Scope = "service:staking";

    internal async Task RegisterAsync(string daoId, string userId, Guid stakeWalletId, Guid unbondingWalletId)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO staking_ringk (dao_id, user_id, stake_wallet_id, unbonding_wallet_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = daoId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = stakeWalletId });
        command.Parameters.Add(new NpgsqlParameter { Value = unbondingWalletId });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The stakers of a DAO with a positive committed stake, ordered by user id (the tie-break of payout splits).</summary>
    public async Task<IReadOnlyList<(string UserId, decimal Stake)>> StakesAsync(string daoId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.user_id, w.balance FROM staking_ringk s JOIN wallets w ON w.wallet_id = s.stake_wallet_id " +
            "WHERE s.dao_id = $1 AND w.balance > 0 ORDER BY s.user_id COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter { Value = daoId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stakes = new List<(string, decimal)>();
        while (await reader.ReadAsync(cancellationToken)) stakes.Add((reader.GetString(0), reader.GetDecimal(1)));
        return stakes;
    }

    /// <summary>The DAOs a user stakes in.</summary>
    public async Task<IReadOnlyList<string>> DaosOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT dao_id FROM staking_ringk WHERE user_id = $1 ORDER BY dao_id COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var daos = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) daos.Add(reader.GetString(0));
        return daos;
    }
}
