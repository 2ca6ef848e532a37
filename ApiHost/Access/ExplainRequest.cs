using Daarion.Grains.Interfaces.Access;

namespace Daarion.ApiHost.Access;

/// <summary>Body of POST /v1/pdp/explain: who, what, on what; via names a relaying service (recorded, not deciding).</summary>
public sealed record ExplainRequest(ExplainSubject? Subject, string? Action, ExplainResource? Resource, string? Via)
{
    public bool TryToRequest(out PolicyRequest request, out string? error)
    {
        request = null!;
        error = null;
        if (!PolicySubject.TryParseKind(Subject?.Kind, out var kind)) error = "subject.kind must be anonymous, user, access_key, embassy or service.";
        else if (kind != SubjectKind.Anonymous && string.IsNullOrWhiteSpace(Subject!.Id)) error = "subject.id is required.";
        else if (string.IsNullOrWhiteSpace(Action)) error = "action is required.";
        if (error is not null) return false;
        var subject = kind == SubjectKind.Anonymous
            ? PolicySubject.Anonymous
            : new PolicySubject(kind, Subject!.Id!, kind == SubjectKind.User ? PolicySubject.CanonicalScopes((Subject.Scopes ?? "").Split(' ')) : "");
        request = new PolicyRequest(subject, Action!, new PolicyResource(Resource?.Type ?? "explain", Resource?.Id, Resource?.TeamId), new PolicyContext(Via));
        return true;
    }
}
