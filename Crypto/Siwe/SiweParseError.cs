namespace Daarion.Crypto.Siwe;

/// <summary>Why an EIP-4361 message does not follow the grammar: the offending field and a short reason.</summary>
/// <param name="Field">The field that is missing, misplaced or malformed.</param>
/// <param name="Reason">A human-readable reason naming the line; it never echoes the whole message.</param>
public sealed record SiweParseError(SiweField Field, string Reason)
{
    /// <summary>"Field: reason".</summary>
    public override string ToString() => $"{Field}: {Reason}";
}
