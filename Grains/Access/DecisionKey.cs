using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>What a decision depends on: the subject (with its scopes), the action and the resource's team.</summary>
internal readonly record struct DecisionKey(PolicySubject Subject, string Action, Guid? TeamId)
{
    public static DecisionKey Of(PolicyRequest request) => new(request.Subject, request.Action, request.Resource.TeamId);
}
