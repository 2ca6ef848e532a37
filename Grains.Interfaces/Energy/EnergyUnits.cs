namespace Daarion.Grains.Interfaces.Energy;

/// <summary>Energy units: parsing their names (any letter case: "kwh", "kWh") and exact conversion to kWh (decimal, never floating point).</summary>
public static class EnergyUnits
{
    /// <summary>Most kWh one reading may carry, and most decimals of a kWh value (numeric(28,12) in site_energy).</summary>
    public const decimal MaxKwh = 1_000_000_000_000_000m;
    public const int KwhDecimals = 12;

    public static bool TryParse(string? text, out EnergyUnit unit)
    {
        foreach (var candidate in Enum.GetValues<EnergyUnit>())
        {
            unit = candidate;
            if (string.Equals(text, EnergyNames.Of(candidate), StringComparison.OrdinalIgnoreCase)) return true;
        }
        unit = default;
        return false;
    }

    /// <summary>
    /// <paramref name="value"/> in kWh, or false when it is negative, above <see cref="MaxKwh"/> or has more than
    /// <see cref="KwhDecimals"/> decimals once converted (nothing is rounded).
    /// </summary>
    public static bool TryToKwh(decimal value, EnergyUnit unit, out decimal kwh)
    {
        kwh = 0;
        if (value < 0 || value > MaxKwh * 1000) return false;
        kwh = unit switch
        {
            EnergyUnit.Wh => value / 1000m,
            EnergyUnit.MWh => value * 1000m,
            _ => value,
        };
        return kwh <= MaxKwh && decimal.Round(kwh, KwhDecimals) == kwh;
    }
}
