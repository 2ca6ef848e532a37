using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Daarion.Crypto.Webhooks;

/// <summary>
/// A Standard Webhooks symmetric signing secret: 24 to 64 random bytes, written <c>whsec_&lt;base64&gt;</c>.
/// <see cref="ToString"/> never shows the key; <see cref="Reveal"/> is the one deliberate way out.
/// </summary>
public sealed class WebhookSecret
{
    /// <summary>The prefix that marks a serialised symmetric secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Fewest key bytes accepted (192 bits).</summary>
    public const int MinLength = 24;

    /// <summary>Most key bytes accepted (512 bits).</summary>
    public const int MaxLength = 64;

    private const int GeneratedLength = 32;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Parses <c>whsec_</c> followed by standard base64 of 24–64 bytes.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WebhookSecret? secret)
    {
        secret = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var buffer = new byte[MaxLength + 3];
        if (!Convert.TryFromBase64String(text[Prefix.Length..], buffer, out var written) || written is < MinLength or > MaxLength)
            return false;
        secret = new WebhookSecret(buffer[..written]);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>; the exception message never contains the text.</summary>
    public static WebhookSecret Parse(string text) =>
        TryParse(text, out var secret)
            ? secret
            : throw new FormatException($"A webhook secret is \"{Prefix}\" followed by base64 of {MinLength}–{MaxLength} bytes.");

    /// <summary>Wraps raw key bytes (copied).</summary>
    public static WebhookSecret FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length is < MinLength or > MaxLength)
            throw new ArgumentException($"A webhook secret has {MinLength}–{MaxLength} bytes.", nameof(key));
        return new WebhookSecret(key.ToArray());
    }

    /// <summary>A fresh 32-byte secret from the operating system's CSPRNG.</summary>
    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(GeneratedLength));

    /// <summary>The <c>whsec_</c> form, to hand to the other party once. Never log it.</summary>
    public string Reveal() => Prefix + Convert.ToBase64String(_key);

    /// <summary>A placeholder: secrets do not print.</summary>
    public override string ToString() => Prefix + "***";
}
