using System.Globalization;

namespace Daarion.Grains.Ledger;

/// <summary>The cursor of a wallet's statement: the id of the last entry seen, as a string.</summary>
public static class EntryCursor
{
    public static string Format(long entryId) => entryId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? cursor, out long? entryId)
    {
        entryId = null;
        if (string.IsNullOrEmpty(cursor)) return true;
        if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        entryId = id;
        return true;
    }
}
