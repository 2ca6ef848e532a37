using Npgsql;

namespace Daarion.ApiHost.Infrastructure;

/// <summary>
/// DATABASE_URL as deployments write it: a postgres:// URI (postgres://user:pass@host:5432/db?sslmode=require)
/// or an Npgsql connection string (Host=…;Database=…).
/// </summary>
public static class DatabaseUrl
{
    public static NpgsqlConnectionStringBuilder Parse(string databaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseUrl);
        if (!databaseUrl.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) &&
            !databaseUrl.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(databaseUrl);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"DATABASE_URL is neither a postgres:// URI nor an Npgsql connection string: {e.Message}");
            }
        }

        if (!Uri.TryCreate(databaseUrl, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("DATABASE_URL is not a valid postgres:// URI.");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : null,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0) builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2) builder.Password = Uri.UnescapeDataString(userInfo[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            if (parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase)) builder.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true);
            else throw new FormatException($"DATABASE_URL option '{parts[0]}' is not supported; use an Npgsql connection string for it.");
        }
        return builder;
    }
}
