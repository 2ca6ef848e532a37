using Xunit;

namespace Daarion.Testing;

/// <summary>
/// Runs the reference JavaScript libraries (ethers, siwe, standardwebhooks) pinned in tests/Crypto.Tests/interop/package.json.
/// Installs them with <c>npm ci</c> the first time; when node or npm is missing every interop test fails
/// with that reason instead of passing vacuously.
/// </summary>
public sealed class NodeInterop : IAsyncLifetime
{
    private readonly NodeProject _project = new(Path.Combine(RepositoryRoot.Path, "tests", "Crypto.Tests", "interop"));
    private string? _setupError = "The interop fixture was not initialised.";

    public async Task InitializeAsync() => _setupError = await _project.InstallAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs <c>node {script} {command}</c> with <paramref name="input"/> as JSON on stdin.</summary>
    public Task<TOutput> RunAsync<TOutput>(string script, string command, object input) =>
        _setupError is null ? _project.RunScriptAsync<TOutput>(script, command, input) : throw new InvalidOperationException(_setupError);
}
