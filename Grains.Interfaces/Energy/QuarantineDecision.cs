namespace Daarion.Grains.Interfaces.Energy;

/// <summary>An operator's decision on a quarantined reading: release it (its held kWh become payable now) or reject it.</summary>
public sealed record QuarantineDecision(Guid QuarantineId, bool Release, string OperatorId, WriteKey Key);
