using System.Text.Json;
using Daarion.Grains.Energy;
using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>
/// A batch request <c>{"readings": [ … ]}</c> read in one pass: the readings that parse, where they stand, and a
/// result already decided for each one that does not (invalid_reading, with what is wrong).
/// </summary>
internal sealed class BatchDocument
{
    // One result per reading in request order; null where the reading parsed and awaits its site's outcome.
    private readonly BatchReadingResult[] _results;
    private readonly List<int> _positions;

    private BatchDocument(BatchReadingResult[] results, List<SiteReading> readings, List<int> positions)
    {
        _results = results;
        Readings = readings;
        _positions = positions;
    }

    /// <summary>The readings that parsed, for their sites.</summary>
    public List<SiteReading> Readings { get; }

    /// <summary>Every reading's result, in request order, once the sites answered for <see cref="Readings"/>.</summary>
    public BatchReadingResult[] Complete(ReadingOutcome[] outcomes)
    {
        for (var i = 0; i < outcomes.Length; i++) _results[_positions[i]] = BatchReadingResult.From(outcomes[i]);
        return _results;
    }

    /// <summary>The batch, or null with the reason when it holds no readings or more than <paramref name="max"/>.</summary>
    public static BatchDocument? Read(ReadOnlySpan<byte> json, int max, out string? error)
    {
        error = null;
        var results = new List<BatchReadingResult>();
        var readings = new List<SiteReading>();
        var positions = new List<int>();
        var parser = new ReadingParser();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The body must be a JSON object with a \"readings\" array.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isReadings = reader.ValueTextEquals("readings"u8);
            reader.Read();
            if (!isReadings)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("readings must be an array.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (results.Count == max)
                {
                    error = $"readings must hold 1 to {max} readings; split larger batches.";
                    return null;
                }
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    results.Add(BatchReadingResult.Invalid("A reading must be a JSON object."));
                    continue;
                }
                ReadingJson.ReadObject(ref reader, ReadingFieldNames.Default, out var text);
                if (parser.TryParse(text, ReadingFieldNames.Default, null, out var reading, out var problem))
                {
                    positions.Add(results.Count);
                    readings.Add(reading);
                    results.Add(null!);
                }
                else
                {
                    results.Add(BatchReadingResult.Invalid(problem!));
                }
            }
        }
        if (results.Count == 0)
        {
            error = $"readings must hold 1 to {max} readings.";
            return null;
        }
        return new BatchDocument([.. results], readings, positions);
    }
}
