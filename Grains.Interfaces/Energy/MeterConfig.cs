namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// An energy site's meter: its kind, the unit readings are in when they do not say, whether every reading must be
/// signed by one of <see cref="DeviceKeys"/>.
/// </summary>
public sealed record MeterConfig(MeterKind Kind, EnergyUnit Unit, bool RequireSignature, IReadOnlyList<DeviceKey> DeviceKeys);
