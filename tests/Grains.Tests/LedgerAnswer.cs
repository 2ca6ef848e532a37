using System.Text.Json;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

/// <summary>What the ledger answered to a command: the value or error, whether it was a replay, and the answer as JSON.</summary>
internal sealed record LedgerAnswer(object? Value, LedgerError? Error, bool Replayed, string Json)
{
    public static LedgerAnswer Of<T>(LedgerResult<T> result) where T : class =>
        new(result.Value, result.Error, result.Replayed, JsonSerializer.Serialize(new { result.Value, result.Error }));

    public override string ToString() =>
        $"{(Error is null ? "success" : $"{Error.Code}{(Error.Available is { } available ? $" (available {available})" : "")}")}{(Replayed ? ", replayed" : "")}";
}
