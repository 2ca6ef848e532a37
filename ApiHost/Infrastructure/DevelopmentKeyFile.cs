using System.Security.Cryptography;

namespace Daarion.ApiHost.Infrastructure;

/// <summary>
/// A random 32-byte key kept in a file under DAARION_DATA_DIR (readable by its owner only), for a host on its private
/// PostgreSQL (development), so tokens and sealed secrets survive restarts without any setting.
/// </summary>
internal static class DevelopmentKeyFile
{
    /// <summary>
    /// The setting <paramref name="name"/>, or null when it is unset and the host runs on its private PostgreSQL (it
    /// then uses a key file). With an external database an unset key stops the start: a default would be guessable or
    /// would live beside the data it protects.
    /// </summary>
    public static string? SettingOrDevelopment(IConfiguration configuration, string name, string hint)
    {
        var value = configuration[name];
        if (!string.IsNullOrWhiteSpace(value)) return value;
        if (!string.IsNullOrWhiteSpace(configuration["DATABASE_URL"]))
        {
            throw new InvalidOperationException($"{name} is not set. It is required when DATABASE_URL names an external database ({hint}).");
        }
        return null;
    }

    public static byte[] LoadOrCreate(IConfiguration configuration, string fileName)
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
