namespace Daarion.Grains.Interfaces.Access;

/// <summary>
/// The circumstances of a request: the internal service that relayed it (the decision is still on the original
/// caller) and attributes recorded in the decision log (method, path, …), masked where they look secret. Attributes
/// never change a decision, so decisions can be cached without them.
/// </summary>
public sealed record PolicyContext(string? Via = null, IReadOnlyDictionary<string, string>? Attributes = null);
