using System.Text.Json.Serialization;
using Daarion.ApiHost.Ledger;

namespace Daarion.ApiHost.Economy;

/// <summary>POST /v1/payouts/rates (admin): KWT per unit delivered in a domain, from a time on (default: now).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RateRequest(string? Domain, string? Rate, string? EffectiveFrom)
{
    private static readonly string[] Domains = ["energy", "food", "water"];

    internal bool TryRead(DateTimeOffset now, out string domain, out decimal rate, out DateTimeOffset effectiveFrom, out string? error)
    {
        error = null;
        domain = Domain ?? "";
        if (!Domains.Contains(domain)) error = "domain must be one of energy, food, water.";
        RequestFields.TryAmount(Rate, "rate", signed: false, out rate, ref error);
        if (error is null && decimal.Round(rate, 12) != rate) error = "rate must have at most 12 decimals.";
        RequestFields.TryTimestamp(EffectiveFrom, "effective_from", out var from, ref error);
        effectiveFrom = from ?? now;
        return error is null;
    }
}
