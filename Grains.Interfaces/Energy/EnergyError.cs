namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Why an admin write was refused; <see cref="Code"/> is stable, <see cref="Detail"/> is for people.</summary>
public sealed record EnergyError(EnergyErrorCode Code, string Detail);
