namespace Daarion.Events.Tests;

/// <summary>The JSON Schemas of the event catalog, in docs/events/schemas: envelope.schema.json and one per event type.</summary>
internal static class EventSchemas
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot.Path, "docs", "events", "schemas");

    public static JsonSchema Envelope { get; } = JsonSchema.Load(Path.Combine(Directory, "envelope.schema.json"));

    public static string PathOf(string eventType) => Path.Combine(Directory, eventType + ".schema.json");

    public static IEnumerable<string> TypesWithASchema => System.IO.Directory.GetFiles(Directory, "*.schema.json")
        .Select(path => Path.GetFileName(path)[..^".schema.json".Length])
        .Where(name => name != "envelope");
}
