namespace Daarion.Grains.Interfaces.Access;

/// <summary>A question to the PDP: may <paramref name="Subject"/> do <paramref name="Action"/> on <paramref name="Resource"/>?</summary>
public sealed record PolicyRequest(PolicySubject Subject, string Action, PolicyResource Resource, PolicyContext Context);
