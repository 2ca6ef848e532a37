namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// One reading for a site, parsed but not yet normalized: the site's meter turns <see cref="Value"/> in
/// <see cref="Unit"/> (its own unit when null) into kWh. <see cref="Seq"/> is the device's sequence number when it
/// sends one; <see cref="SignedPayload"/> is what the device signed (see <see cref="ReadingSignature"/>), present with
/// <see cref="Signature"/>. <see cref="Ts"/> is in UTC.
/// </summary>
public sealed record MeterReading(long? Seq, DateTimeOffset Ts, decimal Value, EnergyUnit? Unit, string? KeyId = null, byte[]? Signature = null, byte[]? SignedPayload = null)
{
    /// <summary>Hides the signature bytes from logs; they are not secret but they are noise.</summary>
    public override string ToString() => $"MeterReading {{ Seq = {Seq}, Ts = {Ts:O}, Value = {Value}, Unit = {Unit}, KeyId = {KeyId} }}";
}
