using System.Text.Json.Serialization;

namespace Daarion.ApiHost.Energy;

/// <summary>An energy site's meter: kind (cumulative | interval), unit (Wh | kWh | MWh), require_signature and device_keys.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MeterRequest(string? Kind, string? Unit, bool? RequireSignature, IReadOnlyList<DeviceKeyRequest?>? DeviceKeys);
