using Daarion.Grains.Interfaces.Access;

namespace Daarion.Grains.Access;

/// <summary>A decision as the PEP made it: its id (a UUIDv7 of its time), the request, the answer, whether it came from the cache.</summary>
public sealed record DecisionLogEntry(Guid DecisionId, DateTimeOffset DecidedAt, PolicyRequest Request, PolicyDecision Decision, bool Cached);
