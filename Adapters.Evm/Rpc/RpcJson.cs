using System.Numerics;
using System.Text.Json;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Rpc;

// Reads the values of a node's answer; anything malformed is the node's fault, reported as a protocol error.
internal static class RpcJson
{
    public static BigInteger Quantity(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && Rpc.Quantity.TryParse(value.GetString(), out var quantity)
            ? quantity
            : throw Malformed(what, value);

    public static ulong UInt64(JsonElement value, string what)
    {
        var quantity = Quantity(value, what);
        return quantity <= ulong.MaxValue ? (ulong)quantity : throw Malformed(what, value);
    }

    public static byte[] Data(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && Hex.TryDecode(value.GetString(), out var bytes) ? bytes : throw Malformed(what, value);

    public static EthereumAddress Address(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && EthereumAddress.TryParse(value.GetString(), out var address)
            ? address
            : throw Malformed(what, value);

    public static EthereumAddress? OptionalAddress(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Address(value, name) : null;

    public static TransactionHash Hash(JsonElement value, string what) =>
        value.ValueKind == JsonValueKind.String && TransactionHash.TryParse(value.GetString(), out var hash)
            ? hash
            : throw Malformed(what, value);

    public static JsonElement Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value
            : throw new EvmProtocolException($"The node's answer has no '{name}'.");

    private static EvmProtocolException Malformed(string what, JsonElement value) =>
        new($"The node's {what} is malformed: {Truncate(value.GetRawText())}.");

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
