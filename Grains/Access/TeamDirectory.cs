using Daarion.Crypto.Ethereum;
using Daarion.Grains.Logins;
using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Users, teams and memberships (seed 34 §4.1). A team always keeps at least one owner: removing or demoting the last
/// one is refused. The team row is locked for each membership change, so two changes cannot both remove "the other" owner.
/// </summary>
public sealed class TeamDirectory(RegistryDatabase database, TimeProvider time)
{
    public const string Owner = "owner";
    public const string Visitor = "visitor";

    public Task<RegistryResult<UserView>> CreateUserAsync(string? email, string? walletAddress, CancellationToken cancellationToken)
    {
        if (email is null && walletAddress is null) return RegistryWriter.Invalid<UserView>("Give an email, a wallet_address, or both.");
        if (email is not null && !Emails.TryNormalize(email, out email)) return RegistryWriter.Invalid<UserView>("email is not an email address.");
        EthereumAddress? address = null;
        if (walletAddress is not null && !EthereumAddress.TryParse(walletAddress, out address)) return RegistryWriter.Invalid<UserView>("wallet_address is not an Ethereum address.");
        var user = new UserView(Guid.CreateVersion7(), email, address?.ToString().ToLowerInvariant(), time.GetUtcNow());
        return database.ChangeAsync(async (connection, transaction) =>
        {
            await RegistryDatabase.ExecuteAsync(connection, transaction, "INSERT INTO users (user_id, email, wallet_address, created_at) VALUES ($1, $2, $3, $4)",
                user.UserId, user.Email, user.WalletAddress, user.CreatedAt);
            return RegistryResult<UserView>.Ok(user);
        }, cancellationToken);
    }

    public async Task<UserView?> GetUserAsync(Guid userId, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT user_id, email, wallet_address, created_at FROM users WHERE user_id = $1",
            r => new UserView(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken, userId).ConfigureAwait(false)).FirstOrDefault();

    public Task<RegistryResult<TeamView>> CreateTeamAsync(Guid ownerUserId, string name, string plan, string mode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return RegistryWriter.Invalid<TeamView>("name must be 1 to 200 characters.");
        if (mode is not ("public" or "confidential")) return RegistryWriter.Invalid<TeamView>("mode must be \"public\" or \"confidential\".");
        var now = time.GetUtcNow();
        var team = new TeamView(Guid.CreateVersion7(now), name, plan, mode, now, [new MemberView(ownerUserId, Owner, null, now)]);
        return database.ChangeAsync(async (connection, transaction) =>
        {
            if (await RegistryWriter.MissingAsync(connection, transaction, "plans", "plan", [plan]) is { } noPlan) return noPlan;
            if (await RegistryWriter.MissingAsync(connection, transaction, "users", "user_id::text", [ownerUserId.ToString()]) is not null)
            {
                return RegistryResult<TeamView>.Fail(RegistryErrorCode.UnknownReference, "Only a registered user (signed in by email or wallet) can own a team.");
            }
            await RegistryDatabase.ExecuteAsync(connection, transaction, "INSERT INTO teams (team_id, name, plan, mode, created_at) VALUES ($1, $2, $3, $4, $5)",
                team.TeamId, name, plan, mode, now);
            await RegistryDatabase.ExecuteAsync(connection, transaction, "INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)",
                team.TeamId, ownerUserId, Owner, now);
            return RegistryResult<TeamView>.Ok(team);
        }, cancellationToken);
    }

    public async Task<TeamView?> GetTeamAsync(Guid teamId, CancellationToken cancellationToken)
    {
        var teams = await database.QueryAsync("SELECT name, plan, mode, created_at FROM teams WHERE team_id = $1",
            r => (Name: r.GetString(0), Plan: r.GetString(1), Mode: r.GetString(2), CreatedAt: r.GetFieldValue<DateTimeOffset>(3)), cancellationToken, teamId).ConfigureAwait(false);
        if (teams.Count == 0) return null;
        var members = await database.QueryAsync(
            "SELECT m.user_id, m.role, m.viewer_type, m.joined_at FROM team_members m JOIN roles r USING (role) WHERE m.team_id = $1 ORDER BY r.rank, m.joined_at",
            ReadMember, cancellationToken, teamId).ConfigureAwait(false);
        var t = teams[0];
        return new TeamView(teamId, t.Name, t.Plan, t.Mode, t.CreatedAt, members);
    }

    /// <summary>The member's role in the team, or null when not a member.</summary>
    public async Task<string?> RoleOfAsync(Guid teamId, Guid userId, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT role FROM team_members WHERE team_id = $1 AND user_id = $2", r => r.GetString(0), cancellationToken, teamId, userId).ConfigureAwait(false))
        .FirstOrDefault();

    /// <summary>Adds the user to the team or changes their role; the last owner cannot be demoted.</summary>
    public Task<RegistryResult<MemberView>> PutMemberAsync(Guid teamId, Guid userId, string role, string? viewerType, CancellationToken cancellationToken)
    {
        if (viewerType is not null && role != Visitor) return RegistryWriter.Invalid<MemberView>("Only visitors have a viewer_type.");
        return ChangeMembersAsync(teamId, userId, async (connection, transaction, current) =>
        {
            if (await RegistryWriter.MissingAsync(connection, transaction, "roles", "role", [role]) is { } noRole) return noRole;
            if (current?.Role == Owner && role != Owner && await OwnersAsync(connection, transaction, teamId) == 1) return LastOwner(teamId);
            var member = await RegistryDatabase.QueryAsync(connection, transaction,
                "INSERT INTO team_members (team_id, user_id, role, viewer_type, joined_at) VALUES ($1, $2, $3, $4, $5) " +
                "ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role, viewer_type = EXCLUDED.viewer_type " +
                "RETURNING user_id, role, viewer_type, joined_at",
                ReadMember, teamId, userId, role, viewerType, time.GetUtcNow());
            return RegistryResult<MemberView>.Ok(member[0]);
        }, cancellationToken);
    }

    public Task<RegistryResult<MemberView>> RemoveMemberAsync(Guid teamId, Guid userId, CancellationToken cancellationToken) =>
        ChangeMembersAsync(teamId, userId, async (connection, transaction, current) =>
        {
            if (current is null) return RegistryResult<MemberView>.Fail(RegistryErrorCode.NotFound, $"User {userId} is not a member of team {teamId}.");
            if (current.Role == Owner && await OwnersAsync(connection, transaction, teamId) == 1) return LastOwner(teamId);
            await RegistryDatabase.ExecuteAsync(connection, transaction, "DELETE FROM team_members WHERE team_id = $1 AND user_id = $2", teamId, userId);
            return RegistryResult<MemberView>.Ok(current);
        }, cancellationToken);

    public Task<RegistryResult<string>> SetPlanAsync(Guid teamId, string plan, CancellationToken cancellationToken) =>
        database.ChangeAsync(async (connection, transaction) =>
        {
            if (await RegistryWriter.MissingAsync(connection, transaction, "plans", "plan", [plan]) is { } noPlan) return noPlan;
            return await RegistryDatabase.ExecuteAsync(connection, transaction, "UPDATE teams SET plan = $2 WHERE team_id = $1", teamId, plan) == 1
                ? RegistryResult<string>.Ok(plan)
                : RegistryResult<string>.Fail(RegistryErrorCode.NotFound, $"Team {teamId} does not exist.");
        }, cancellationToken);

    // Locks the team (membership changes of one team run one at a time) and hands over the member's current row.
    private Task<RegistryResult<MemberView>> ChangeMembersAsync(Guid teamId, Guid userId,
        Func<NpgsqlConnection, NpgsqlTransaction, MemberView?, Task<RegistryResult<MemberView>>> change, CancellationToken cancellationToken) =>
        database.ChangeAsync(async (connection, transaction) =>
        {
            var locked = await RegistryDatabase.QueryAsync(connection, transaction, "SELECT 1 FROM teams WHERE team_id = $1 FOR UPDATE", r => r.GetInt32(0), teamId);
            if (locked.Count == 0) return RegistryResult<MemberView>.Fail(RegistryErrorCode.NotFound, $"Team {teamId} does not exist.");
            var current = await RegistryDatabase.QueryAsync(connection, transaction,
                "SELECT user_id, role, viewer_type, joined_at FROM team_members WHERE team_id = $1 AND user_id = $2", ReadMember, teamId, userId);
            return await change(connection, transaction, current.FirstOrDefault());
        }, cancellationToken);

    private static async Task<long> OwnersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid teamId) =>
        await RegistryDatabase.ScalarAsync<long>(connection, transaction, "SELECT count(*) FROM team_members WHERE team_id = $1 AND role = 'owner'", teamId);

    private static RegistryResult<MemberView> LastOwner(Guid teamId) =>
        RegistryResult<MemberView>.Fail(RegistryErrorCode.LastOwner, $"Team {teamId} would be left without an owner; make another member owner first.");

    private static MemberView ReadMember(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
}
