using System.Text.Json.Serialization;
using Daarion.ApiHost.Ledger;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// POST /v1/sites: a site of a DAO; an energy site has a meter, a food or water site has none. <c>platforms</c>, when
/// given, names the only Embassy platforms whose webhooks may report for the site.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateSiteRequest(string? SiteId, string? DaoId, string? Domain, MeterRequest? Meter, IReadOnlyList<string?>? Platforms = null)
{
    private const int MaxDeviceKeys = 100;

    internal bool TryToRegistration(out SiteRegistration registration, out string? error)
    {
        error = null;
        registration = null!;
        if (!SiteIds.IsValid(SiteId)) error = $"site_id must be {SiteIds.Rule}.";
        RequestFields.TryText(DaoId, "dao_id", 200, out var daoId, ref error);
        if (!EnergyNames.TryParse<RwaDomain>(Domain, out var domain)) error ??= "domain must be energy, food or water.";
        if (error is not null) return false;
        if (domain != RwaDomain.Energy && Meter is not null) error = "Only energy sites have a meter; food and water sites report inventory through /v1/embassy/rwa.";
        if (domain == RwaDomain.Energy && Meter is null) error = "An energy site needs a meter: {kind, unit, require_signature, device_keys}.";
        var meter = Meter is null || error is not null ? null : ToMeter(Meter, ref error);
        var platforms = SitePlatformsRequest.Parse(Platforms, ref error);
        registration = new SiteRegistration(SiteId!, daoId, domain, meter, platforms);
        return error is null;
    }

    private static MeterConfig? ToMeter(MeterRequest meter, ref string? error)
    {
        if (!EnergyNames.TryParse<MeterKind>(meter.Kind, out var kind)) error ??= "meter.kind must be cumulative or interval.";
        if (!EnergyUnits.TryParse(meter.Unit, out var unit)) error ??= "meter.unit must be Wh, kWh or MWh.";
        var requests = meter.DeviceKeys ?? [];
        if (requests.Count > MaxDeviceKeys) error ??= $"meter.device_keys may hold at most {MaxDeviceKeys} keys.";
        var keys = new List<DeviceKey>();
        foreach (var request in requests)
        {
            if (DeviceKeyRequest.ToKey(request, ref error) is not { } key) break;
            if (keys.Any(k => k.KeyId == key.KeyId)) error ??= $"meter.device_keys has key_id '{key.KeyId}' twice.";
            keys.Add(key);
        }
        var requireSignature = meter.RequireSignature ?? false;
        if (requireSignature && keys.Count == 0) error ??= "meter.require_signature needs at least one device key.";
        return error is null ? new MeterConfig(kind, unit, requireSignature, keys) : null;
    }
}
