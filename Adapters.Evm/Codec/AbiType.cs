using System.Globalization;

namespace Daarion.Adapters.Evm.Codec;

/// <summary>
/// One Solidity ABI type by its canonical name (the spelling that goes into selectors: <c>uint256</c>, never <c>uint</c>).
/// Values are <see cref="Crypto.Ethereum.EthereumAddress"/> for address, <see cref="bool"/>, <see cref="System.Numerics.BigInteger"/>
/// for uintN (other integer types are accepted when encoding), <see cref="byte"/>[] for bytesN and bytes, and <see cref="string"/>.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiKind kind, int size, string name)
    {
        Kind = kind;
        Size = size;
        Name = name;
    }

    public static AbiType Address { get; } = new(AbiKind.Address, 20, "address");

    public static AbiType Bool { get; } = new(AbiKind.Bool, 1, "bool");

    public static AbiType Bytes { get; } = new(AbiKind.Bytes, 0, "bytes");

    public static AbiType String { get; } = new(AbiKind.String, 0, "string");

    public static AbiType UInt256 { get; } = UInt(256);

    public static AbiType Bytes32 { get; } = FixedBytes(32);

    public AbiKind Kind { get; }

    /// <summary>Bits for uintN, bytes for bytesN and address; 0 for the dynamic types.</summary>
    public int Size { get; }

    /// <summary>The canonical name.</summary>
    public string Name { get; }

    /// <summary>Dynamic types are written after the head, which holds their offset.</summary>
    public bool IsDynamic => Kind is AbiKind.Bytes or AbiKind.String;

    /// <summary><c>uint{bits}</c>, bits a multiple of 8 from 8 to 256.</summary>
    public static AbiType UInt(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "uintN takes N = 8, 16, …, 256.");
        return new AbiType(AbiKind.UInt, bits, $"uint{bits}");
    }

    /// <summary><c>bytes{size}</c>, size from 1 to 32.</summary>
    public static AbiType FixedBytes(int size)
    {
        if (size is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(size), size, "bytesN takes N = 1 … 32.");
        return new AbiType(AbiKind.FixedBytes, size, $"bytes{size}");
    }

    /// <summary>Parses a type name as Solidity writes it; <c>uint</c> is <c>uint256</c>.</summary>
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "address" => Address,
            "bool" => Bool,
            "bytes" => Bytes,
            "string" => String,
            "uint" => UInt256,
            _ when name.StartsWith("uint", StringComparison.Ordinal) && TryParseSize(name[4..], out var bits) && bits % 8 == 0 && bits is >= 8 and <= 256 => UInt(bits),
            _ when name.StartsWith("bytes", StringComparison.Ordinal) && TryParseSize(name[5..], out var size) && size is >= 1 and <= 32 => FixedBytes(size),
            _ => throw new FormatException($"'{name}' is not an ABI type this client supports (address, bool, uintN, bytesN, bytes, string)."),
        };
    }

    public override string ToString() => Name;

    public bool Equals(AbiType? other) => other is not null && other.Name == Name;

    public override bool Equals(object? obj) => Equals(obj as AbiType);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    // Digits only: "uint08" or "uint+8" are not Solidity spellings.
    private static bool TryParseSize(string digits, out int value)
    {
        value = 0;
        return digits.Length > 0 && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
