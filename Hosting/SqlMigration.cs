using System.Security.Cryptography;
using System.Text;

namespace Daarion.Hosting;

/// <summary>One numbered SQL script; <paramref name="Id"/> is its file name without extension, e.g. "0001_silo_runtime".</summary>
public sealed record SqlMigration(string Id, string Sql)
{
    /// <summary>SHA-256 of the text (lowercase hex), recorded when applied so later edits are caught.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
