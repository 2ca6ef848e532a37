using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class TeamTests
{
    [Fact]
    public async Task TheCreator_OwnsTheTeam_AndAMemberReadsIt()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (ownerId, owner) = await world.UserAsync();
        var (memberId, member) = await world.UserAsync();
        var team = await world.TeamAsync(owner);

        await Problem(await member.GetAsync($"/v1/teams/{team}"), 403, "forbidden");
        await world.AddMemberAsync(team, memberId, "member", by: owner);
        var read = await Json(await member.GetAsync($"/v1/teams/{team}"));

        Assert.Equal(
            [(ownerId, "owner"), (memberId, "member")],
            read.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("user_id").GetGuid(), m.GetProperty("role").GetString()!)));
    }

    [Fact]
    public async Task AMemberOfTeamA_NeverReachesTeamB()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, ownerA) = await world.UserAsync();
        var (_, ownerB) = await world.UserAsync();
        var (strangerId, _) = await world.UserAsync();
        var teamA = await world.TeamAsync(ownerA, "premium");
        var teamB = await world.TeamAsync(ownerB, "premium");

        await Problem(await ownerA.GetAsync($"/v1/teams/{teamB}"), 403, "forbidden");
        await Problem(await ownerA.PutAsync($"/v1/teams/{teamB}/members/{strangerId}", new { role = "member" }), 403, "forbidden");
        await Problem(await ownerA.PutAsync($"/v1/teams/{teamB}/plan", new { plan = "free" }), 403, "forbidden");
        await Problem(await ownerA.GetAsync("/v1/teams/not-a-team-id"), 403, "forbidden");
        Expect(await ownerA.GetAsync($"/v1/teams/{teamA}"), 200);
        Assert.Equal(1, (await Json(await ownerB.GetAsync($"/v1/teams/{teamB}"))).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task AGuardianManagesMembers_ButOnlyOwnersMakeOwnersAndGuardians()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, owner) = await world.UserAsync();
        var (guardianId, guardian) = await world.UserAsync();
        var (newcomerId, _) = await world.UserAsync();
        var team = await world.TeamAsync(owner);
        await world.AddMemberAsync(team, guardianId, "guardian", by: owner);

        Expect(await guardian.PutAsync($"/v1/teams/{team}/members/{newcomerId}", new { role = "member" }), 200);
        var refused = await Problem(await guardian.PutAsync($"/v1/teams/{team}/members/{newcomerId}", new { role = "owner" }), 403, "forbidden");
        Assert.Contains("team.owner.manage", refused.GetProperty("detail").GetString());
        await Problem(await guardian.DeleteAsync($"/v1/teams/{team}/members/{guardianId}"), 403, "forbidden");
        Expect(await owner.PutAsync($"/v1/teams/{team}/members/{newcomerId}", new { role = "owner" }), 200);
    }

    [Fact]
    public async Task TheLastOwner_CannotLeaveOrBeDemoted()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (ownerId, owner) = await world.UserAsync();
        var (secondId, _) = await world.UserAsync();
        var team = await world.TeamAsync(owner);

        await Problem(await owner.DeleteAsync($"/v1/teams/{team}/members/{ownerId}"), 409, "last-owner");
        await Problem(await owner.PutAsync($"/v1/teams/{team}/members/{ownerId}", new { role = "member" }), 409, "last-owner");
        await world.AddMemberAsync(team, secondId, "owner", by: owner);
        Expect(await owner.DeleteAsync($"/v1/teams/{team}/members/{ownerId}"), 200);
        await Problem(await owner.GetAsync($"/v1/teams/{team}"), 403, "forbidden");
    }

    [Fact]
    public async Task RoleTimesPlan_DecidesAgentRuns_AndAPlanChangeIsEffectiveAtOnce()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, owner) = await world.UserAsync();
        var (memberId, _) = await world.UserAsync();
        var team = await world.TeamAsync(owner);
        await world.AddMemberAsync(team, memberId, "member");
        var member = new { kind = "user", id = memberId.ToString() };

        Assert.False(await world.AllowedAsync(member, "agent.run.create", team));
        Expect(await owner.PutAsync($"/v1/teams/{team}/plan", new { plan = "premium" }), 200);

        Assert.True(await world.AllowedAsync(member, "agent.run.create", team));
        Assert.False(await world.AllowedAsync(member, "agent.run.create", Guid.NewGuid()));
    }

    [Fact]
    public async Task Visitors_NeverVote_EvenAsContributors_WhoMayPropose()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();
        var world = new AccessWorld(api);
        var (_, owner) = await world.UserAsync();
        var (visitorId, _) = await world.UserAsync();
        var team = await world.TeamAsync(owner);
        await world.AddMemberAsync(team, visitorId, "visitor", "contributor");
        var visitor = new { kind = "user", id = visitorId.ToString() };

        var vote = await world.ExplainAsync(visitor, "governance.vote.cast", team);
        Assert.False(vote.GetProperty("allowed").GetBoolean());
        Assert.Contains("bundle team.visitor", vote.GetProperty("summary").GetString());
        Assert.True(await world.AllowedAsync(visitor, "governance.proposal.create", team));
        await Problem(await world.Admin.PutAsync($"/v1/teams/{team}/members/{visitorId}", new { role = "member", viewer_type = "reader" }), 422, "invalid-request");
    }

    [Fact]
    public async Task OnlyRegisteredUsers_CreateTeams()
    {
        await using var api = await ApiFactory.WithSharedServersAsync();

        await Problem(await For(api, "", Guid.NewGuid().ToString()).PostAsync("/v1/teams", new { name = "ghost" }), 422, "unknown-reference");
        await Problem(await For(api, Tokens.All, "not-a-user-id").PostAsync("/v1/teams", new { name = "legacy" }), 403, "forbidden");
    }
}
