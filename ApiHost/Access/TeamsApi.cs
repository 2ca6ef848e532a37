using Daarion.ApiHost.Auth;
using Daarion.ApiHost.Ledger;
using Daarion.ApiHost.Problems;
using Daarion.Grains.Access;

namespace Daarion.ApiHost.Access;

public static class TeamsApi
{
    private const string Guardian = "guardian";

    /// <summary>
    /// /v1/teams: a signed-in user creates a team and owns it; its members are managed by owners and guardians, but
    /// only owners (team.owner.manage) make or change owners and guardians. Every route is in the team's tenancy:
    /// a member of another team is denied.
    /// </summary>
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder routes)
    {
        var teams = routes.MapGroup("/v1/teams").WithTags("Teams");
        teams.MapPost("/", Create).RequiresAction(ActionCatalog.TeamCreate);
        teams.MapGet("/{teamId}", Get).RequiresAction(ActionCatalog.TeamRead);
        teams.MapPut("/{teamId}/members/{userId}", PutMember).RequiresAction(ActionCatalog.TeamMemberManage);
        teams.MapDelete("/{teamId}/members/{userId}", RemoveMember).RequiresAction(ActionCatalog.TeamMemberManage);
        teams.MapPut("/{teamId}/plan", SetPlan).RequiresAction(ActionCatalog.TeamPlanUpdate);
        return routes;
    }

    internal static IResult OnlyUsers(string what) =>
        LedgerProblems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, $"Only a signed-in user may {what}; keys and services may not.");

    private static async Task<IResult> Create(TeamRequest body, HttpContext http, TeamDirectory teams, CancellationToken cancellationToken)
    {
        if (RequestPolicy.CallerOf(http).UserId is not { } owner) return OnlyUsers("create a team");
        var created = await teams.CreateTeamAsync(owner, body.Name ?? "", body.Plan ?? "free", body.Mode ?? "public", cancellationToken);
        return RegistryProblems.Created(created, t => $"/v1/teams/{t.TeamId}");
    }

    private static async Task<IResult> Get(Guid teamId, TeamDirectory teams, CancellationToken cancellationToken) =>
        await teams.GetTeamAsync(teamId, cancellationToken) is { } team ? TypedResults.Ok(team) : LedgerProblems.NotFound($"Team {teamId} does not exist.");

    private static async Task<IResult> PutMember(Guid teamId, Guid userId, MemberRequest body, HttpContext http, TeamDirectory teams, CancellationToken cancellationToken)
    {
        if (body.Role is null) return RegistryProblems.Invalid("role is required (owner, guardian, member or visitor).");
        if (await OwnerRulesAsync(http, teams, teamId, userId, body.Role, cancellationToken) is { } denied) return denied;
        return RegistryProblems.Ok(await teams.PutMemberAsync(teamId, userId, body.Role, body.ViewerType, cancellationToken));
    }

    private static async Task<IResult> RemoveMember(Guid teamId, Guid userId, HttpContext http, TeamDirectory teams, CancellationToken cancellationToken)
    {
        if (await OwnerRulesAsync(http, teams, teamId, userId, null, cancellationToken) is { } denied) return denied;
        return RegistryProblems.Ok(await teams.RemoveMemberAsync(teamId, userId, cancellationToken));
    }

    private static async Task<IResult> SetPlan(Guid teamId, PlanChangeRequest body, TeamDirectory teams, CancellationToken cancellationToken) =>
        body.Plan is null ? RegistryProblems.Invalid("plan is required.") : RegistryProblems.Ok(await teams.SetPlanAsync(teamId, body.Plan, cancellationToken));

    // Making, changing or removing an owner or a guardian takes team.owner.manage as well.
    private static async Task<IResult?> OwnerRulesAsync(HttpContext http, TeamDirectory teams, Guid teamId, Guid userId, string? newRole, CancellationToken cancellationToken)
    {
        var current = await teams.RoleOfAsync(teamId, userId, cancellationToken);
        if (newRole is not (TeamDirectory.Owner or Guardian) && current is not (TeamDirectory.Owner or Guardian)) return null;
        return await RequestPolicy.DenialAsync(http, ActionCatalog.TeamOwnerManage);
    }
}
