using System.Text;
using Daarion.Crypto;

namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// <c>name(type1,type2,…)</c> in canonical spelling, as functions, errors and events are identified: functions and
/// errors by the first 4 bytes of its Keccak-256 (the selector), events by the whole hash (topic 0).
/// </summary>
public sealed class AbiSignature
{
    private readonly byte[] _hash;

    private AbiSignature(string name, IReadOnlyList<AbiType> parameters)
    {
        Name = name;
        Parameters = parameters;
        Text = $"{name}({string.Join(',', parameters.Select(type => type.Name))})";
        _hash = Keccak256.Hash(Encoding.ASCII.GetBytes(Text));
    }

    public string Name { get; }

    public IReadOnlyList<AbiType> Parameters { get; }

    /// <summary>The canonical text that is hashed, e.g. <c>settle(bytes32,address,uint256)</c>.</summary>
    public string Text { get; }

    /// <summary>Keccak-256 of <see cref="Text"/>: an event's topic 0.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <summary>The first 4 bytes of <see cref="Hash"/>: a function's or an error's selector.</summary>
    public ReadOnlySpan<byte> Selector => _hash.AsSpan(0, 4);

    /// <summary>Parses <c>name(type,…)</c>; types take the spellings of <see cref="AbiType.Parse"/>.</summary>
    public static AbiSignature Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open < 1 || !signature.EndsWith(')') || !IsIdentifier(signature.AsSpan(0, open)))
            throw new FormatException($"'{signature}' is not a signature of the form name(type,…).");
        var list = signature[(open + 1)..^1];
        var parameters = list.Trim().Length == 0
            ? []
            : list.Split(',').Select(type => AbiType.Parse(type.Trim())).ToArray();
        return new AbiSignature(signature[..open], parameters);
    }

    public override string ToString() => Text;

    private static bool IsIdentifier(ReadOnlySpan<char> name) =>
        !char.IsAsciiDigit(name[0]) && !name.ContainsAnyExcept(IdentifierChars);

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$");
}
