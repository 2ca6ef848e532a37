namespace Daarion.Crypto.Siwe;

/// <summary>Thrown by <see cref="SiweMessageParser.Parse"/> and <see cref="SiweMessageBuilder.Build"/> for text that breaks the EIP-4361 grammar.</summary>
public sealed class SiweFormatException : FormatException
{
    /// <summary>Wraps a parse error.</summary>
    public SiweFormatException(SiweParseError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The field and reason.</summary>
    public SiweParseError Error { get; }
}
