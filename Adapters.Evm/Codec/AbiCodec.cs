using System.Numerics;
using System.Text;
using Daarion.Crypto.Ethereum;

namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// The Solidity contract ABI encoding of a parameter list (docs.soliditylang.org, "Contract ABI Specification"):
/// a head of one 32-byte word per parameter (the value, or for dynamic types the offset of its tail), then the
/// tails, each a length word and the data padded to whole words. Decoding is strict about static values
/// (dirty high bits of an address or a uintN, a bool other than 0/1) as Solidity itself is.
/// </summary>
public static class AbiCodec
{
    /// <summary>Length of one ABI word.</summary>
    public const int WordSize = 32;

    /// <summary>Encodes <paramref name="values"/> as the parameter list <paramref name="types"/>.</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
            throw new ArgumentException($"{types.Count} types but {values.Count} values.", nameof(values));

        var head = new List<byte[]>(types.Count);
        var tail = new List<byte[]>();
        var tailOffset = types.Count * WordSize;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                var encoded = EncodeDynamic(types[i], values[i]);
                head.Add(Word(tailOffset));
                tail.Add(encoded);
                tailOffset += encoded.Length;
            }
            else
            {
                head.Add(EncodeStatic(types[i], values[i]));
            }
        }
        return [.. head.SelectMany(word => word), .. tail.SelectMany(part => part)];
    }

    /// <summary>Decodes a parameter list; throws <see cref="AbiDecodingException"/> for bytes that are not one.</summary>
    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (data.Length < types.Count * WordSize)
            throw new AbiDecodingException($"{data.Length} bytes cannot hold {types.Count} parameters.");
        var values = new object[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            var word = data.Slice(i * WordSize, WordSize);
            values[i] = types[i].IsDynamic ? DecodeDynamic(types[i], data, word) : DecodeStatic(types[i], word);
        }
        return values;
    }

    /// <summary>Decodes one static value from its 32-byte word (an event topic, for example).</summary>
    public static object DecodeStatic(AbiType type, ReadOnlySpan<byte> word)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsDynamic)
            throw new ArgumentException($"{type} is dynamic; it has no single-word form.", nameof(type));
        if (word.Length != WordSize)
            throw new AbiDecodingException($"A {type} word has {WordSize} bytes, not {word.Length}.");
        switch (type.Kind)
        {
            case AbiKind.Address:
                RequireZero(word[..12], type);
                return EthereumAddress.FromBytes(word[12..]);
            case AbiKind.Bool:
                RequireZero(word[..31], type);
                return word[31] switch
                {
                    0 => false,
                    1 => true,
                    _ => throw new AbiDecodingException($"A bool word holds {word[31]}, not 0 or 1."),
                };
            case AbiKind.UInt:
                RequireZero(word[..(WordSize - (type.Size / 8))], type);
                return UnsignedBigEndian.FromBytes(word);
            default:
                RequireZero(word[type.Size..], type);
                return word[..type.Size].ToArray();
        }
    }

    private static byte[] EncodeStatic(AbiType type, object value)
    {
        switch (type.Kind)
        {
            case AbiKind.Address:
                var address = value as EthereumAddress ?? throw WrongValue(type, value);
                return [.. new byte[12], .. address.ToArray()];
            case AbiKind.Bool:
                return Word(value is bool flag ? (flag ? 1 : 0) : throw WrongValue(type, value));
            case AbiKind.UInt:
                var integer = ToInteger(type, value);
                if (integer.Sign < 0 || integer.GetBitLength() > type.Size)
                    throw new ArgumentOutOfRangeException(nameof(value), $"{integer} does not fit in {type}.");
                return Word(integer);
            default:
                var bytes = ToBytes(type, value);
                if (bytes.Length != type.Size)
                    throw new ArgumentException($"A {type} value has {type.Size} bytes, not {bytes.Length}.", nameof(value));
                return PadRight(bytes);
        }
    }

    private static byte[] EncodeDynamic(AbiType type, object value)
    {
        var bytes = type.Kind == AbiKind.String
            ? Encoding.UTF8.GetBytes(value as string ?? throw WrongValue(type, value))
            : ToBytes(type, value);
        return [.. Word(bytes.Length), .. PadRight(bytes)];
    }

    private static object DecodeDynamic(AbiType type, ReadOnlySpan<byte> data, ReadOnlySpan<byte> offsetWord)
    {
        var offset = ToLength(offsetWord, data.Length - WordSize, "offset");
        var length = ToLength(data.Slice(offset, WordSize), data.Length - offset - WordSize, "length");
        var bytes = data.Slice(offset + WordSize, length);
        if (type.Kind == AbiKind.Bytes)
            return bytes.ToArray();
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new AbiDecodingException("A string value is not valid UTF-8.");
        }
    }

    // Offsets and lengths are uint256 words; anything beyond the data is malformed, not merely large.
    private static int ToLength(ReadOnlySpan<byte> word, int limit, string what)
    {
        var value = UnsignedBigEndian.FromBytes(word);
        if (limit < 0 || value > limit)
            throw new AbiDecodingException($"A dynamic value's {what} ({value}) points outside the {limit + WordSize} bytes.");
        return (int)value;
    }

    private static void RequireZero(ReadOnlySpan<byte> padding, AbiType type)
    {
        if (padding.ContainsAnyExcept((byte)0))
            throw new AbiDecodingException($"A {type} word has non-zero padding.");
    }

    private static BigInteger ToInteger(AbiType type, object value) => value switch
    {
        BigInteger integer => integer,
        byte number => number,
        int number => number,
        uint number => number,
        long number => number,
        ulong number => number,
        _ => throw WrongValue(type, value),
    };

    private static byte[] ToBytes(AbiType type, object value) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        _ => throw WrongValue(type, value),
    };

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[WordSize];
        var bytes = UnsignedBigEndian.ToBytes(value);
        bytes.CopyTo(word, WordSize - bytes.Length);
        return word;
    }

    private static byte[] PadRight(byte[] bytes)
    {
        var padded = new byte[(bytes.Length + WordSize - 1) / WordSize * WordSize];
        bytes.CopyTo(padded, 0);
        return padded;
    }

    private static ArgumentException WrongValue(AbiType type, object value) =>
        new($"A {type} parameter does not take a {value.GetType().Name}.", nameof(value));
}
