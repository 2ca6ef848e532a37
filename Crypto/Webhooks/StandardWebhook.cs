using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Daarion.Crypto.Webhooks;

/// <summary>
/// Signs and verifies Standard Webhooks (HMAC-SHA256, <c>v1</c>): the signed content is
/// <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>. Several secrets may be configured for key rotation:
/// signing emits one signature per secret, verification accepts a match against any of them.
/// </summary>
public sealed class StandardWebhook
{
    /// <summary>The timestamp tolerance of the reference libraries.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string Version = "v1";
    private const int MacSize = 32;

    private readonly WebhookSecret[] _secrets;
    private readonly TimeProvider _timeProvider;
    private readonly long _toleranceSeconds;

    /// <summary>A webhook signer/verifier with one or more secrets (the first is the current one).</summary>
    /// <param name="secrets">At least one secret; verification tries them all.</param>
    /// <param name="timeProvider">The clock for the timestamp check; the system clock when null.</param>
    /// <param name="tolerance">How far the timestamp may be from now either way; <see cref="DefaultTolerance"/> when null.</param>
    public StandardWebhook(IEnumerable<WebhookSecret> secrets, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets];
        if (_secrets.Length == 0 || _secrets.Any(secret => secret is null))
            throw new ArgumentException("At least one webhook secret, and no nulls, are needed.", nameof(secrets));
        var window = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(tolerance));
        _toleranceSeconds = (long)window.TotalSeconds;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A webhook signer/verifier with a single secret.</summary>
    public StandardWebhook(WebhookSecret secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
        : this([secret], timeProvider, tolerance)
    {
    }

    /// <summary>
    /// The <c>webhook-signature</c> header value: <c>v1,&lt;base64&gt;</c> per secret, space-separated.
    /// </summary>
    /// <param name="id">The message id; it must not contain '.', which would make the signed content ambiguous.</param>
    /// <param name="timestamp">The delivery attempt's time (whole seconds are signed).</param>
    /// <param name="body">The exact bytes that will be sent as the body.</param>
    public string Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Contains('.', StringComparison.Ordinal))
            throw new ArgumentException("A webhook id must not contain '.'.", nameof(id));
        var seconds = timestamp.ToUnixTimeSeconds();
        Span<byte> mac = stackalloc byte[MacSize];
        var signatures = new string[_secrets.Length];
        for (var i = 0; i < _secrets.Length; i++)
        {
            ComputeMac(_secrets[i], id, seconds, body, mac);
            signatures[i] = Version + "," + Convert.ToBase64String(mac);
        }
        return string.Join(' ', signatures);
    }

    /// <summary>
    /// Verifies a received webhook from its three header values and the raw body bytes
    /// (never a re-serialised body: any byte change breaks the signature).
    /// </summary>
    public WebhookVerificationResult Verify(string? id, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id))
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.MissingId);
        if (string.IsNullOrEmpty(timestamp))
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.MissingTimestamp);
        if (string.IsNullOrEmpty(signatureHeader))
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.MissingSignature);

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.InvalidTimestamp);
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (now - seconds > _toleranceSeconds)
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.TimestampTooOld);
        if (seconds - now > _toleranceSeconds)
            return WebhookVerificationResult.Refused(WebhookVerificationFailure.TimestampTooNew);

        var candidates = V1Signatures(signatureHeader);
        Span<byte> expected = stackalloc byte[MacSize];
        foreach (var secret in _secrets)
        {
            ComputeMac(secret, id, seconds, body, expected);
            foreach (var candidate in candidates)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, candidate))
                    return new WebhookVerificationResult(WebhookVerificationFailure.None, id, DateTimeOffset.FromUnixTimeSeconds(seconds));
            }
        }
        return WebhookVerificationResult.Refused(WebhookVerificationFailure.NoMatchingSignature);
    }

    // The decoded v1 MACs of the header. Other versions (v1a for Ed25519, future ones) are skipped, as
    // the specification asks; entries that are not base64 of 32 bytes cannot match and are dropped too.
    private static List<byte[]> V1Signatures(string header)
    {
        var signatures = new List<byte[]>();
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            var mac = new byte[MacSize];
            if (comma >= 0
                && entry.AsSpan(0, comma).SequenceEqual(Version)
                && Convert.TryFromBase64String(entry[(comma + 1)..], mac, out var length)
                && length == MacSize)
                signatures.Add(mac);
        }
        return signatures;
    }

    private static void ComputeMac(WebhookSecret secret, string id, long seconds, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id + "." + seconds.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
