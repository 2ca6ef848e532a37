using System.Text.Json;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Payouts;
using Daarion.Testing;

namespace Daarion.Adapters.Evm.Tests.Payouts;

/// <summary>
/// The committed contracts/PayoutSettlement.json is what contracts/build.mjs makes of the Solidity source with the
/// pinned solc and OpenZeppelin, and it has every function, event and error the client encodes by hand.
/// </summary>
public sealed class PayoutSettlementArtifactTests
{
    private static readonly string Contracts = Path.Combine(RepositoryRoot.Path, "Adapters.Evm", "contracts");

    [Fact]
    public async Task TheCommittedArtifact_IsWhatTheBuildScriptCompilesFromTheSource()
    {
        var project = new NodeProject(Contracts);
        Assert.Null(await project.InstallAsync());
        using var directory = new TempDirectory();
        var output = directory.Sub("PayoutSettlement.json");

        var (exitCode, _, stderr) = await project.RunAsync("node", ["build.mjs", "--out", output], null, TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Contracts, "PayoutSettlement.json")), await File.ReadAllTextAsync(output));
    }

    [Fact]
    public void EverySignatureTheClientEncodes_IsInTheArtifactsAbi()
    {
        using var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(Contracts, "PayoutSettlement.json")));
        var abi = artifact.RootElement.GetProperty("abi").EnumerateArray().ToArray();

        foreach (var function in new[] { PayoutSettlementContract.Settle, PayoutSettlementContract.Settled, PayoutSettlementContract.Decimals, PayoutSettlementContract.BalanceOf })
        {
            var entry = Assert.Single(abi, e => Kind(e) == "function" && Signature(e) == function.Signature.Text);
            Assert.Equal(function.Outputs.Select(t => t.Name), entry.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("type").GetString()));
        }
        foreach (var error in PayoutSettlementContract.SettlementErrors)
            Assert.Single(abi, e => Kind(e) == "error" && Signature(e) == error.Signature.Text);

        var settled = Assert.Single(abi, e => Kind(e) == "event" && Signature(e) == PayoutSettlementContract.PayoutSettled.Signature.Text);
        Assert.Equal(
            PayoutSettlementContract.PayoutSettled.Parameters.Select(p => (p.Name, p.Indexed)),
            settled.GetProperty("inputs").EnumerateArray().Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("indexed").GetBoolean())));

        var constructor = Assert.Single(abi, e => Kind(e) == "constructor");
        Assert.Equal(PayoutSettlementContract.ConstructorParameters.Select(t => t.Name), Types(constructor));
    }

    private static string? Kind(JsonElement entry) => entry.GetProperty("type").GetString();

    private static string Signature(JsonElement entry) => $"{entry.GetProperty("name").GetString()}({string.Join(',', Types(entry))})";

    private static IEnumerable<string> Types(JsonElement entry) =>
        entry.GetProperty("inputs").EnumerateArray().Select(i => AbiType.Parse(i.GetProperty("type").GetString()!).Name);
}
