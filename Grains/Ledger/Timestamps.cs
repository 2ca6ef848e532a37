namespace Daarion.Grains.Ledger;

/// <summary>Timestamps at PostgreSQL's precision (microseconds), so what is answered equals what is read back.</summary>
internal static class Timestamps
{
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
