using System.Globalization;
using Daarion.Grains.Interfaces.Energy;
using Microsoft.Extensions.Options;

namespace Daarion.Grains.Energy;

/// <summary>
/// The oracle's rules for one reading of a site (docs/ENERGY.md), applied to the site's state in order:
/// duplicates, ordering, future timestamps, then the meter kind's delta with its anomaly checks. Accepted and
/// quarantined readings move the state; duplicates and rejections leave it as it was.
/// </summary>
internal sealed class MeterRules(IOptions<OracleOptions> options)
{
    private readonly OracleOptions _options = options.Value;

    public MeterDecision Apply(SiteMeterState state, MeterKind kind, MeterReading reading, decimal kwh, DateTimeOffset now)
    {
        var fingerprint = ReadingFingerprint.Of(reading.Seq, reading.Ts, kwh);
        var recent = new FingerprintRing(state, _options.DuplicateWindow);
        if (recent.Contains(fingerprint)) return MeterDecision.Duplicate;
        if (IsOutOfOrder(state, reading)) return MeterDecision.Reject(ReadingReason.OutOfOrder);
        recent.Add(fingerprint);

        var ahead = reading.Ts - now;
        if (ahead > _options.FutureTolerance)
        {
            // Kept out of the order, so a clock far ahead cannot block the readings that follow. A cumulative
            // register's energy is paid by the next in-order reading anyway; an interval's only by a release.
            state.Quarantined++;
            return MeterDecision.Quarantine(ReadingReason.FutureTimestamp, kind == MeterKind.Interval ? kwh : 0,
                Text($"The reading's timestamp is {ahead.TotalSeconds:0} s ahead of the server clock (tolerance {_options.FutureTolerance.TotalSeconds:0} s)."));
        }

        var previous = state.LastValueKwh;
        Advance(state, reading, kwh);
        decimal delta;
        if (kind == MeterKind.Cumulative)
        {
            // The first register value is the baseline: energy counted before the site was registered is not paid.
            if (previous is not { } baseline) return Accept(state, 0);
            delta = kwh - baseline;
            if (delta < 0)
            {
                state.Quarantined++;
                return MeterDecision.Quarantine(ReadingReason.NegativeDelta, 0,
                    Text($"The register went back from {baseline} kWh to {kwh} kWh (meter reset or replaced, or a poisoned reading); the next delta is taken from the new value."));
            }
        }
        else
        {
            delta = kwh;
        }

        var peak = Math.Round(state.Peak * _options.PeakDecay, EnergyUnits.KwhDecimals);
        if (state.Accepted >= _options.SpikeWarmup && delta > _options.SpikeMinimumKwh && delta > _options.SpikeFactor * peak)
        {
            state.Quarantined++;
            return MeterDecision.Quarantine(ReadingReason.Spike, delta,
                Text($"The delta {delta} kWh is more than {_options.SpikeFactor} times the site's recent peak of {peak} kWh."));
        }
        state.Peak = Math.Max(peak, delta);
        return Accept(state, delta);
    }

    /// <summary>A released spike was real: the site's peak follows it, so the same level is not held again.</summary>
    public static void Released(SiteMeterState state, ReadingReason reason, decimal heldKwh)
    {
        state.TotalKwh += heldKwh;
        if (reason == ReadingReason.Spike) state.Peak = Math.Max(state.Peak, heldKwh);
    }

    // Readings with a device sequence are ordered by it; the others by their timestamp.
    private static bool IsOutOfOrder(SiteMeterState state, MeterReading reading) => reading.Seq is { } seq
        ? state.LastSeq is { } lastSeq && seq <= lastSeq
        : state.LastTs is { } lastTs && reading.Ts <= lastTs;

    private static void Advance(SiteMeterState state, MeterReading reading, decimal kwh)
    {
        if (reading.Seq is { } seq) state.LastSeq = seq;
        if (state.LastTs is not { } lastTs || reading.Ts > lastTs) state.LastTs = reading.Ts;
        state.LastValueKwh = kwh;
    }

    private static MeterDecision Accept(SiteMeterState state, decimal kwh)
    {
        state.Accepted++;
        state.TotalKwh += kwh;
        return MeterDecision.Accept(kwh);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
