using System.Diagnostics;
using Daarion.Hosting;

namespace Daarion.Testing;

/// <summary>
/// The API host as a deployment runs it: its own process (built output of ApiHost, same configuration as the caller's
/// build), configured by environment variables. Benchmarks load it; crash tests kill it.
/// </summary>
public sealed class ApiHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>SIGKILL, as in a crash: no shutdown, requests in flight are cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public static async Task<ApiHostProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(repositoryRoot, "ApiHost", "bin", configuration, "net10.0", "Daarion.ApiHost.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the host first: dotnet build ApiHost -c {configuration}", dll);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = await ChildProcess.StartAsync(start);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  host: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new ApiHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = host.Address };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("/v1/ready")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The host did not become ready within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
    }
}
