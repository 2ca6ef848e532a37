using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Daarion.Testing;

/// <summary>
/// Runs the reference JavaScript libraries (ethers, siwe, standardwebhooks) pinned in
/// tests/Crypto.Tests/interop/package.json, for any test project that checks its work against them.
/// Installs them with <c>npm ci</c> the first time; when node or npm is missing every interop test fails
/// with that reason instead of passing vacuously.
/// </summary>
public sealed class NodeInterop : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory = FindInteropDirectory();
    private string? _setupError = "The interop fixture was not initialised.";

    public async Task InitializeAsync() => _setupError = await SetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs <c>node {script} {command}</c> with <paramref name="input"/> as JSON on stdin.</summary>
    public async Task<TOutput> RunAsync<TOutput>(string script, string command, object input)
    {
        if (_setupError is not null)
            throw new InvalidOperationException(_setupError);
        var stdin = JsonSerializer.Serialize(input, Json);
        var (exitCode, stdout, stderr) = await RunProcessAsync("node", [script, command], stdin, ScriptTimeout);
        if (exitCode != 0)
            throw new InvalidOperationException($"node {script} {command} exited with {exitCode}: {stderr}");
        return JsonSerializer.Deserialize<TOutput>(stdout, Json)
            ?? throw new InvalidOperationException($"node {script} {command} printed no result.");
    }

    private async Task<string?> SetUpAsync()
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            try
            {
                var (exitCode, _, stderr) = await RunProcessAsync(tool, ["--version"], null, ScriptTimeout);
                if (exitCode != 0)
                    return $"`{tool} --version` failed ({stderr.Trim()}). The interop tests need Node.js 18+ and npm on PATH.";
            }
            catch (Win32Exception)
            {
                return $"`{tool}` is not on PATH. The interop tests need Node.js 18+ and npm on PATH "
                    + "(Debian: apt-get install -y nodejs npm) to run the reference libraries in tests/Crypto.Tests/interop.";
            }
        }
        return await InstallPackagesAsync();
    }

    // npm ci writes node_modules/.package-lock.json; when it is older than package-lock.json the
    // pinned set changed. A machine-wide lock keeps two concurrent test runs from installing at once.
    private async Task<string?> InstallPackagesAsync()
    {
        using var installLock = await AcquireInstallLockAsync();
        var installed = new FileInfo(Path.Combine(_directory, "node_modules", ".package-lock.json"));
        var wanted = new FileInfo(Path.Combine(_directory, "package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= wanted.LastWriteTimeUtc)
            return null;
        var (exitCode, _, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, InstallTimeout);
        return exitCode == 0 ? null : $"`npm ci` in {_directory} failed with {exitCode}: {stderr}";
    }

    private static async Task<FileStream> AcquireInstallLockAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "daarion-crypto-interop-npm.lock");
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

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(
        string fileName, string[] arguments, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = _directory,
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
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindInteropDirectory() => Path.Combine(RepositoryRoot.Path, "tests", "Crypto.Tests", "interop");
}
