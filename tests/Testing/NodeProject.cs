using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Daarion.Testing;

/// <summary>
/// A folder with a package.json and package-lock.json whose pinned npm packages (reference libraries, anvil, solc)
/// the tests use. <see cref="InstallAsync"/> runs <c>npm ci</c> once (again only when the lock file changes); when
/// node or npm is missing it returns the reason, so the tests that need it fail with it instead of passing vacuously.
/// </summary>
public sealed class NodeProject(string directory)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory { get; } = directory;

    /// <summary>The path of an installed package's file, e.g. <c>PackageFile("@foundry-rs/anvil-linux-amd64", "bin/anvil")</c>.</summary>
    public string PackageFile(string package, string relativePath) => Path.Combine(Directory, "node_modules", package, relativePath);

    /// <summary>Installs the pinned packages if needed; returns why it could not, or null.</summary>
    public async Task<string?> InstallAsync()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var (exitCode, _, stderr) = await RunAsync(tool, ["--version"], null, ScriptTimeout);
                if (exitCode != 0)
                    return $"`{tool} --version` failed ({stderr.Trim()}). These tests need Node.js 18+ and npm on PATH.";
            }
            catch (Win32Exception)
            {
                return $"`{tool}` is not on PATH. These tests need Node.js 18+ and npm on PATH "
                    + $"(Debian: apt-get install -y nodejs npm) to install the packages pinned in {Directory}.";
            }
        }

        // npm ci writes node_modules/.package-lock.json; when it is older than package-lock.json the pinned set
        // changed. A machine-wide lock keeps concurrent test runs from installing at once.
        using var installLock = await AcquireInstallLockAsync();
        var installed = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
        var wanted = new FileInfo(Path.Combine(Directory, "package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= wanted.LastWriteTimeUtc)
            return null;
        var (code, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, InstallTimeout);
        return code == 0 ? null : $"`npm ci` in {Directory} failed with {code}: {error}";
    }

    /// <summary>Runs <c>node {script} {command}</c> with <paramref name="input"/> as JSON on stdin and reads JSON from stdout.</summary>
    public async Task<TOutput> RunScriptAsync<TOutput>(string script, string command, object input)
    {
        var stdin = JsonSerializer.Serialize(input, Json);
        var (exitCode, stdout, stderr) = await RunAsync("node", [script, command], stdin, ScriptTimeout);
        if (exitCode != 0)
            throw new InvalidOperationException($"node {script} {command} exited with {exitCode}: {stderr}");
        return JsonSerializer.Deserialize<TOutput>(stdout, Json)
            ?? throw new InvalidOperationException($"node {script} {command} printed no result.");
    }

    /// <summary>Runs a program in this folder to completion; it is killed after <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string fileName, IEnumerable<string> arguments, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<FileStream> AcquireInstallLockAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "daarion-tests-npm-install.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
