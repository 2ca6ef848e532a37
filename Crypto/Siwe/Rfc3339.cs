using System.Globalization;
using System.Text.RegularExpressions;

namespace Daarion.Crypto.Siwe;

// RFC 3339 date-time, the timestamp format of EIP-4361. DateTimeOffset.Parse would accept many other
// shapes (no offset, spaces, names of months), so the grammar is matched first and the values checked after.
internal static partial class Rfc3339
{
    private const int TicksDigits = 7;

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = DateTimePattern().Match(text);
        if (!match.Success)
            return false;

        int Group(string name) => int.Parse(match.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day) = (Group("year"), Group("month"), Group("day"));
        var (hour, minute, second) = (Group("hour"), Group("minute"), Group("second"));
        // Leap seconds (:60) are grammatical but no clock we compare with can represent them.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        // DateTimeOffset keeps 100 ns ticks: extra fraction digits are truncated, not rounded.
        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0
            ? 0
            : long.Parse(fraction.PadRight(TicksDigits, '0')[..TicksDigits], NumberStyles.None, CultureInfo.InvariantCulture);

        var offset = TimeSpan.Zero;
        if (match.Groups["offsetHour"].Success)
        {
            var (offsetHour, offsetMinute) = (Group("offsetHour"), Group("offsetMinute"));
            if (offsetHour > 23 || offsetMinute > 59)
                return false;
            offset = new TimeSpan(offsetHour, offsetMinute, 0);
            if (match.Groups["sign"].Value == "-")
                offset = -offset;
        }

        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    // Always UTC with "Z", and only as many fraction digits as the value needs (none for whole seconds).
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // RFC 3339 §5.6 allows lower-case "t" and "z".
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?(?:[Zz]|(?<sign>[+-])(?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
