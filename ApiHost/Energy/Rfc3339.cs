namespace Daarion.ApiHost.Energy;

/// <summary>
/// RFC 3339 timestamps from UTF-8, as the API accepts them everywhere: <c>YYYY-MM-DDTHH:MM:SS</c>, an optional
/// fraction of 1 to 7 digits, then <c>Z</c> or <c>±HH:MM</c>. Read by position, without a regex or a string, because
/// a batch holds thousands.
/// </summary>
internal static class Rfc3339
{
    private const int DateTimeLength = 19; // YYYY-MM-DDTHH:MM:SS

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < DateTimeLength + 1 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;

        var rest = text[DateTimeLength..];
        long fractionTicks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits])) digits++;
            if (digits is 1 or > 8 || !TryDigits(rest[1..digits], out var fraction)) return false;
            fractionTicks = fraction * Pow10(8 - digits);
            rest = rest[digits..];
        }

        TimeSpan offset;
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':' && TryDigits(rest[1..3], out var offsetHours)
            && TryDigits(rest[4..6], out var offsetMinutes) && offsetHours <= 14 && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (rest[0] == '-') offset = -offset;
        }
        else
        {
            return false;
        }

        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b)) return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
