using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// The names of the energy enums, as JSON spells them (their <see cref="JsonStringEnumMemberNameAttribute"/>), for
/// the database columns and request fields, so the tables, the API and the events spell values alike.
/// </summary>
public static class EnergyNames
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ToText[value];

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    /// <summary>Parses a name exactly as written (letter case included).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Names<T>.FromText.TryGetValue(text, out value);
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToText = Enum.GetValues<T>().ToFrozenDictionary(v => v, Name);

        public static readonly FrozenDictionary<string, T> FromText = ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static string Name(T value) =>
            typeof(T).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
    }
}
