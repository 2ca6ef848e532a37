namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// The unit each domain's inventory is kept and published in (kWh of energy, kg of food, litres of water), and the
/// exact conversion of stock reports to it: food in g, kg or t; water in l or m3 (any letter case).
/// </summary>
public static class InventoryUnits
{
    public static string Of(RwaDomain domain) => domain switch
    {
        RwaDomain.Energy => "kwh",
        RwaDomain.Food => "kg",
        _ => "l",
    };

    /// <summary>A report's value in the domain's unit; false for an unknown unit or a value beyond 10^15 or 12 decimals once converted.</summary>
    public static bool TryNormalize(RwaDomain domain, string? unit, decimal value, out decimal normalized)
    {
        normalized = 0;
        decimal? factor = (domain, unit?.ToLowerInvariant()) switch
        {
            (RwaDomain.Food, "g") => 0.001m,
            (RwaDomain.Food, "kg") => 1m,
            (RwaDomain.Food, "t") => 1000m,
            (RwaDomain.Water, "l") => 1m,
            (RwaDomain.Water, "m3") => 1000m,
            _ => null,
        };
        if (factor is not { } f || value < 0 || value > EnergyUnits.MaxKwh) return false;
        normalized = value * f;
        return normalized <= EnergyUnits.MaxKwh && decimal.Round(normalized, EnergyUnits.KwhDecimals) == normalized;
    }
}
