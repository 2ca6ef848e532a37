using Daarion.Grains.Interfaces.Access;
using Daarion.Silo.Events;

namespace Daarion.ApiHost.Auth;

/// <summary>
/// Who a request is decided on: the original caller's subject (also when an internal service relayed it, then named
/// in <see cref="Via"/>), its principal name (a JWT's sub; <c>kind:id</c> for keys), and its login session, if any.
/// </summary>
public sealed record Caller(PolicySubject Subject, string Principal, Guid? SessionId = null, string? Via = null)
{
    public static readonly Caller Anonymous = new(PolicySubject.Anonymous, PolicySubject.Anonymous.Key);

    /// <summary>The registered user calling (a JWT whose sub is a user id), or null for keys and other subjects.</summary>
    public Guid? UserId => Subject.Kind == SubjectKind.User && Guid.TryParseExact(Subject.Id, "D", out var id) ? id : null;

    /// <summary>The caller as events name it (seed 42 §6): users and their access keys are users.</summary>
    public EventActor Actor => Subject.Kind switch
    {
        SubjectKind.Embassy => EventActor.Embassy(Subject.Id),
        SubjectKind.Service => EventActor.Service(Subject.Id),
        _ => EventActor.User(Principal),
    };
}
