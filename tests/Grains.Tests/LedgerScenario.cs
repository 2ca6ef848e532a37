using System.Text;

namespace Daarion.Grains.Tests;

/// <summary>
/// A generated run of the model-based test, on a fresh database: its steps, each checked against the model, then
/// optionally a <see cref="Burst"/> of commands sent at once, too many to order, checked by what holds in any order.
/// <see cref="AnswersFromDatabase"/> turns the ledger's in-memory cache of recent answers off, so every replay is
/// rebuilt from the database.
/// </summary>
internal sealed record LedgerScenario(bool AnswersFromDatabase, IReadOnlyList<LedgerStep> Steps, IReadOnlyList<LedgerCommand>? Burst = null)
{
    /// <summary>The scenario up to and including step <paramref name="last"/>.</summary>
    public LedgerScenario Prefix(int last) => this with { Steps = [.. Steps.Take(last + 1)], Burst = null };

    public override string ToString()
    {
        var text = new StringBuilder($"{Steps.Count} steps, answers {(AnswersFromDatabase ? "replayed from the database" : "cached in memory")}:");
        for (var i = 0; i < Steps.Count; i++) text.Append($"\n  #{i} {Steps[i]}");
        if (Burst is not null) text.Append($"\n  then {Burst.Count} commands at once:\n    {string.Join("\n    ", Burst)}");
        return text.ToString();
    }
}
