using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Daarion.Adapters.Evm;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Crypto.Ethereum;
using Daarion.Hosting;
using Daarion.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Daarion.Testing.Evm;

/// <summary>
/// A real local chain: anvil from the npm package pinned in interop/package.json (installed with <c>npm ci</c> on
/// first use, cached in interop/node_modules), started on a free loopback port and stopped when the tests end. The
/// same folder holds cast and ethers, the references the encoders are checked against. Blocks are mined on each
/// transaction (anvil's automine), so a receipt exists as soon as a send returns.
/// </summary>
public sealed class LocalChain : IAsyncLifetime
{
    public const ulong ChainId = 31337;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private string? _setupError = "The local chain fixture was not initialised.";
    private Process? _anvil;
    private EvmRpcClient? _rpc;
    private EthereumAddress[] _devAccounts = [];

    /// <summary>The npm folder with anvil, cast, ethers and the interop scripts.</summary>
    public NodeProject Tools { get; } = new(Path.Combine(RepositoryRoot.Path, "tests", "Adapters.Evm.Tests", "interop"));

    public Uri RpcUrl { get; private set; } = new("http://127.0.0.1:1");

    /// <summary>A client for test set-up (funding, mining); the code under test gets its own.</summary>
    public EvmRpcClient Rpc => _setupError is null ? _rpc! : throw new InvalidOperationException(_setupError);

    /// <summary>anvil's unlocked dev accounts (eth_accounts), for node signing.</summary>
    public IReadOnlyList<EthereumAddress> DevAccounts => _setupError is null ? _devAccounts : throw new InvalidOperationException(_setupError);

    public async Task InitializeAsync()
    {
        _setupError = await Tools.InstallAsync();
        if (_setupError is not null)
            return;
        // A free port can be taken between choosing and binding it; a new one is tried then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAnvilAsync(FreePort.Next());
                break;
            }
            catch (InvalidOperationException e) when (attempt < 3)
            {
                Console.Error.WriteLine($"anvil did not start ({e.Message}); retrying on another port.");
            }
        }
        var accounts = await _rpc!.SendAsync("eth_accounts", []);
        _devAccounts = accounts.EnumerateArray().Select(a => EthereumAddress.Parse(a.GetString()!)).ToArray();
    }

    public async Task DisposeAsync()
    {
        _rpc?.Dispose();
        if (_anvil is not null)
        {
            await ChildProcess.StopAsync(_anvil, TimeSpan.FromSeconds(5));
            _anvil.Dispose();
        }
    }

    /// <summary>A fresh key holding 1,000 ether, so each test signs from an account no other test uses.</summary>
    public async Task<EthereumKey> FundedKeyAsync()
    {
        var key = EthereumKey.Generate();
        await FundAsync(key.Address);
        return key;
    }

    /// <summary>The raw bytes of a fresh funded key, for tests that configure or look for the key itself.</summary>
    public async Task<byte[]> FundedSecretAsync()
    {
        var secret = RandomNumberGenerator.GetBytes(Secp256k1.PrivateKeySize);
        using var key = EthereumKey.FromPrivateKey(secret);
        await FundAsync(key.Address);
        return secret;
    }

    /// <summary>Sets the account's balance to 1,000 ether.</summary>
    public Task FundAsync(EthereumAddress account) =>
        Rpc.SendAsync("anvil_setBalance", [account.ToString(), Quantity.Format(BigInteger.Pow(10, 21))]);

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public Task MineAsync(int blocks) => Rpc.SendAsync("anvil_mine", [Quantity.Format(blocks)]);

    /// <summary>Runs cast (from the same npm folder) and returns its trimmed stdout.</summary>
    public async Task<string> CastAsync(params string[] arguments)
    {
        var cast = Tools.PackageFile("@foundry-rs/cast-linux-amd64", "bin/cast");
        var (exitCode, stdout, stderr) = await Tools.RunAsync(cast, arguments, null, TimeSpan.FromMinutes(1));
        return exitCode == 0 ? stdout.Trim() : throw new InvalidOperationException($"cast {string.Join(' ', arguments)} failed: {stderr}");
    }

    private async Task StartAnvilAsync(int port)
    {
        var anvil = Tools.PackageFile("@foundry-rs/anvil-linux-amd64", "bin/anvil");
        // setpriv --pdeathsig: the kernel kills anvil if the test process dies without disposing the fixture.
        var start = new ProcessStartInfo("setpriv") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = ["--pdeathsig", "KILL", "--", anvil, "--host", "127.0.0.1", "--port", $"{port}", "--chain-id", $"{ChainId}", "--quiet"];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = await ChildProcess.StartAsync(start);
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var url = new Uri($"http://127.0.0.1:{port}");
        var rpc = new EvmRpcClient(url, TimeSpan.FromSeconds(2), NullLogger<EvmRpcClient>.Instance);
        try
        {
            await WaitUntilServingAsync(process, rpc, output);
        }
        catch
        {
            rpc.Dispose();
            await ChildProcess.StopAsync(process, TimeSpan.FromSeconds(5));
            process.Dispose();
            throw;
        }
        _anvil = process;
        _rpc = rpc;
        RpcUrl = url;
    }

    private static async Task WaitUntilServingAsync(Process process, EvmRpcClient rpc, ConcurrentQueue<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"anvil exited with {process.ExitCode}: {string.Join('\n', output)}");
            try
            {
                var chainId = await rpc.GetChainIdAsync();
                if (chainId != ChainId)
                    throw new InvalidOperationException($"anvil serves chain {chainId}, not {ChainId}.");
                return;
            }
            catch (EvmException) when (clock.Elapsed < StartTimeout)
            {
                await Task.Delay(50);
            }
            catch (EvmException e)
            {
                throw new InvalidOperationException($"anvil did not answer within {StartTimeout}: {e.Message}");
            }
        }
    }
}
