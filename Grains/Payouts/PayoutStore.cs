using Daarion.Grains.Interfaces.Payouts;
using Daarion.Grains.Ledger;
using Daarion.Silo.Storage;
using Npgsql;

namespace Daarion.Grains.Payouts;

/// <summary>The payout side's reads (sites, delivered energy, rates, payouts) and the statements grains commit with their state.</summary>
public sealed class PayoutStore(NpgsqlDataSource dataSource)
{
    public const string Asset = "KWT";
    public const int AssetScale = 6;

    internal async Task<(string DaoId, string Domain)?> FindSiteAsync(string siteId)
    {
        await using var command = dataSource.CreateCommand("SELECT dao_id, domain FROM sites WHERE site_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = siteId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    internal async Task<DateTimeOffset?> FirstEnergyAsync(string siteId, DateTimeOffset from)
    {
        await using var command = dataSource.CreateCommand("SELECT min(minute) FROM site_energy WHERE site_id = $1 AND minute >= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = siteId });
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        return await command.ExecuteScalarAsync() is DateTime first ? new DateTimeOffset(first, TimeSpan.Zero) : null;
    }

    /// <summary>kWh delivered per period in [from, to), for the periods that delivered any.</summary>
    internal async Task<IReadOnlyList<(DateTimeOffset Start, decimal Kwh)>> EnergyByPeriodAsync(string siteId, DateTimeOffset from, DateTimeOffset to, TimeSpan period)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT to_timestamp(floor(extract(epoch FROM minute) / $4) * $4) AS period_start, sum(kwh) " +
            "FROM site_energy WHERE site_id = $1 AND minute >= $2 AND minute < $3 GROUP BY 1 ORDER BY 1");
        command.Parameters.Add(new NpgsqlParameter { Value = siteId });
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)period.TotalSeconds });
        await using var reader = await command.ExecuteReaderAsync();
        var periods = new List<(DateTimeOffset, decimal)>();
        while (await reader.ReadAsync()) periods.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetDecimal(1)));
        return periods;
    }

    /// <summary>The sites that delivered energy in [from, to).</summary>
    internal async Task<IReadOnlyList<string>> SitesWithEnergyAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT site_id FROM site_energy WHERE minute >= $1 AND minute < $2 ORDER BY 1");
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync();
        var sites = new List<string>();
        while (await reader.ReadAsync()) sites.Add(reader.GetString(0));
        return sites;
    }

    /// <summary>The rate (KWT per unit) in force for a domain at a time, or null when none was set by then.</summary>
    internal async Task<decimal?> RateAsync(string domain, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT rate FROM payout_rates WHERE domain = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = domain });
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        return await command.ExecuteScalarAsync() is decimal rate ? rate : null;
    }

    /// <summary>Sets the rate of a domain from a time on (governance, or an admin until governance exists).</summary>
    public async Task<PayoutRate> SetRateAsync(string domain, decimal rate, DateTimeOffset effectiveFrom, string setBy, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO payout_rates (domain, effective_from, rate, set_by) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (domain, effective_from) DO UPDATE SET rate = excluded.rate, set_by = excluded.set_by");
        command.Parameters.Add(new NpgsqlParameter { Value = domain });
        command.Parameters.Add(new NpgsqlParameter { Value = effectiveFrom.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = rate });
        command.Parameters.Add(new NpgsqlParameter { Value = setBy });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PayoutRate(domain, Money.AtScale(rate, Money.MaxScale), effectiveFrom, setBy);
    }

    public async Task<IReadOnlyList<PayoutRate>> ListRatesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT domain, rate, effective_from, set_by FROM payout_rates ORDER BY domain, effective_from");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rates = new List<PayoutRate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rates.Add(new PayoutRate(reader.GetString(0), Money.AtScale(reader.GetDecimal(1), Money.MaxScale), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }
        return rates;
    }

    public async Task<PayoutView?> GetAsync(Guid payoutId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SelectPayouts + "WHERE payout_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = payoutId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>A user's payouts, newest first, after the cursor (the last payout id of the previous page).</summary>
    public async Task<IReadOnlyList<PayoutView>> ListForUserAsync(string userId, Guid? after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SelectPayouts +
            "WHERE user_id = $1 AND ($2::uuid IS NULL OR (created_at, payout_id) < (SELECT created_at, payout_id FROM payouts WHERE payout_id = $2)) " +
            "ORDER BY created_at DESC, payout_id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var payouts = new List<PayoutView>();
        while (await reader.ReadAsync(cancellationToken)) payouts.Add(Read(reader));
        return payouts;
    }

    internal static SqlStatement Insert(string siteId, string daoId, IReadOnlyList<PayoutRow> rows) => new(
        "INSERT INTO payouts (payout_id, site_id, dao_id, period_start, period_end, user_id, asset, amount, energy_kwh, rate, stake, total_stake) " +
        "SELECT p.id, $1, $2, p.period_start, p.period_end, p.user_id, $3, p.amount, p.energy, p.rate, p.stake, p.total_stake " +
        "FROM unnest($4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[]) " +
        "AS p(id, period_start, period_end, user_id, amount, energy, rate, stake, total_stake) ON CONFLICT DO NOTHING",
        siteId, daoId, Asset,
        rows.Select(r => r.PayoutId).ToArray(),
        rows.Select(r => r.PeriodStart.UtcDateTime).ToArray(),
        rows.Select(r => r.PeriodEnd.UtcDateTime).ToArray(),
        rows.Select(r => r.UserId).ToArray(),
        rows.Select(r => r.Amount).ToArray(),
        rows.Select(r => r.EnergyKwh).ToArray(),
        rows.Select(r => r.Rate).ToArray(),
        rows.Select(r => r.Stake).ToArray(),
        rows.Select(r => r.TotalStake).ToArray());

    internal static SqlStatement UpdateStatus(Guid payoutId, PayoutState state) => new(
        "UPDATE payouts SET status = $2, transaction_id = $3, chain_tx_hash = $4, failure = $5, updated_at = now() WHERE payout_id = $1",
        payoutId, state.Status, state.TransactionId, state.ChainTxHash, state.Failure);

    private const string SelectPayouts =
        "SELECT payout_id, site_id, dao_id, period_start, period_end, user_id, asset, amount, energy_kwh, rate, stake, total_stake, " +
        "status, transaction_id, chain_tx_hash, failure, created_at, updated_at FROM payouts ";

    private static PayoutView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetString(6),
        Money.AtScale(reader.GetDecimal(7), AssetScale), Money.AtScale(reader.GetDecimal(8), Money.MaxScale), Money.AtScale(reader.GetDecimal(9), Money.MaxScale),
        Money.AtScale(reader.GetDecimal(10), 8), Money.AtScale(reader.GetDecimal(11), 8),
        reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetGuid(13), reader.IsDBNull(14) ? null : reader.GetString(14),
        reader.IsDBNull(15) ? null : reader.GetString(15), reader.GetFieldValue<DateTimeOffset>(16), reader.GetFieldValue<DateTimeOffset>(17));
}
