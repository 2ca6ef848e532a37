using System.Security.Cryptography;

namespace Daarion.ApiHost.Infrastructure;

/// <summary>
/// A random 32-byte key kept in a file under DAARION_DATA_DIR (readable by its owner only), for a host on its private
/// PostgreSQL (development), so tokens and sealed secrets survive restarts without any setting.
/// </summary>
internal static class DevelopmentKeyFile
{
    /// <summary>
    /// The key in setting <paramref name="name"/> (read by <paramref name="parse"/>), or, when it is unset and the host
    /// runs on its private PostgreSQL, the key in <paramref name="fileName"/> (made on first use). With an external
    /// database an unset key stops the start: a default would be guessable or would live beside the data it protects.
    /// </summary>
    public static (byte[] Key, bool Development) Resolve(IConfiguration configuration, string name, string hint, string fileName, Func<string, byte[]> parse)
    {
        var value = configuration[name];
        if (!string.IsNullOrWhiteSpace(value)) return (parse(value), false);
        if (!string.IsNullOrWhiteSpace(configuration["DATABASE_URL"]))
        {
            throw new InvalidOperationException($"{name} is not set. It is required when DATABASE_URL names an external database ({hint}).");
        }
        return (LoadOrCreate(configuration, fileName), true);
    }

    private static byte[] LoadOrCreate(IConfiguration configuration, string fileName)
    {
        var dataRoot = Path.GetFullPath(configuration["DAARION_DATA_DIR"] ?? ".data");
        var path = Path.Combine(dataRoot, fileName);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(dataRoot);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
