namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// A contract event. Its log carries topic 0 = Keccak-256 of the signature, one topic per indexed parameter
/// (the value's word; for a dynamic type, the hash of its encoding), and the other parameters ABI-encoded as data.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;

    public AbiEvent(string name, params AbiEventParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count(p => p.Indexed) > 3)
            throw new ArgumentException("An event has at most three indexed parameters.", nameof(parameters));
        Parameters = parameters;
        Signature = AbiSignature.Parse($"{name}({string.Join(',', parameters.Select(p => p.Type.Name))})");
        _dataTypes = parameters.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
    }

    public AbiSignature Signature { get; }

    public IReadOnlyList<AbiEventParameter> Parameters { get; }

    /// <summary>Topic 0 of this event's logs.</summary>
    public ReadOnlySpan<byte> Topic => Signature.Hash;

    /// <summary>True when a log with these topics is this event.</summary>
    public bool Matches(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.Count == 1 + Parameters.Count(p => p.Indexed) && topics[0].AsSpan().SequenceEqual(Topic);
    }

    /// <summary>
    /// The parameter values by name. An indexed dynamic parameter yields its topic (a hash),
    /// since the log does not carry the value.
    /// </summary>
    public IReadOnlyDictionary<string, object> Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        if (!Matches(topics))
            throw new AbiDecodingException($"The log is not a {Signature.Text} event.");
        var fromData = AbiCodec.Decode(_dataTypes, data);
        var values = new Dictionary<string, object>(Parameters.Count, StringComparer.Ordinal);
        int topic = 1, field = 0;
        foreach (var parameter in Parameters)
        {
            values[parameter.Name] = !parameter.Indexed
                ? fromData[field++]
                : parameter.Type.IsDynamic ? topics[topic++] : AbiCodec.DecodeStatic(parameter.Type, topics[topic++]);
        }
        return values;
    }

    public override string ToString() => Signature.Text;
}
