using System.Text.Json;
using Daarion.Crypto;

namespace Daarion.Adapters.Evm.Payouts;

// A compiled contract embedded in this assembly (contracts/*.json, written by contracts/build.mjs).
internal sealed record ContractArtifact(string ContractName, byte[] Bytecode)
{
    public static ContractArtifact Load(string resourceName)
    {
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded {resourceName}.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (!Hex.TryDecode(root.GetProperty("bytecode").GetString(), out var bytecode) || bytecode.Length == 0)
            throw new InvalidOperationException($"{resourceName} has no bytecode.");
        return new ContractArtifact(root.GetProperty("contractName").GetString()!, bytecode);
    }
}
