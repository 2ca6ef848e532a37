namespace Daarion.Grains.Interfaces.Energy;

/// <summary>A site's meter as shown, with its keys (no secrets).</summary>
public sealed record MeterView(MeterKind Kind, EnergyUnit Unit, bool RequireSignature, IReadOnlyList<DeviceKeyView> DeviceKeys);
