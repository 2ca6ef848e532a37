using Microsoft.Extensions.Options;

namespace Daarion.Grains.Access;

/// <summary>
/// Decisions waiting for <see cref="DecisionLogWriter"/>. When the queue is full (the database is away or too slow)
/// it refuses, and the PEP fails closed rather than decide unlogged.
/// </summary>
public sealed class DecisionLog(IOptions<AccessOptions> options) : BoundedQueue<DecisionLogEntry>(options.Value.DecisionLogCapacity);
