using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Daarion.Grains.Ledger;

/// <summary>
/// The hash that tells a retry from a different request under the same idempotency key: SHA-256 of the operation's
/// name and its parsed arguments, so formatting (whitespace, "10" vs "10.00") does not matter but every value does.
/// </summary>
internal static class RequestHash
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new NormalizedDecimalConverter() },
    };

    public static byte[] Of<T>(string operation, T arguments)
    {
        var text = operation + "\n" + JsonSerializer.Serialize(arguments, Canonical);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    private sealed class NormalizedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Request hashes are only written.");

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("0.############################", CultureInfo.InvariantCulture));
    }
}
