using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Daarion.Grains.Tests;

/// <summary>
/// Model-based property tests of the ledger: random command sequences run against the real ledger (PostgreSQL, wallet
/// grains, group commit), each on a fresh database, and against <see cref="LedgerModel"/>, compared after every step;
/// and bursts of many commands at once, checked by what must hold in any order. A failure shows the scenario, shrunk
/// for a bounded time, and the seed: LEDGER_MODEL_SEED replays a run, LEDGER_MODEL_RUNS sets how many scenarios it tries.
/// </summary>
public sealed class LedgerModelTests(ITestOutputHelper output)
{
    // Scenarios run this many at a time, each on its own database: they mostly wait on PostgreSQL.
    private const int Parallelism = 2;

    [Fact]
    public Task Ledger_AgreesWithItsModel_AndKeepsItsInvariants_AfterEveryStep() =>
        CheckAsync(log => LedgerScenarioGen.Steps(30, 80, shrinkFor: TimeSpan.FromSeconds(40), log), defaultRuns: 20);

    [Fact]
    public Task Ledger_GivesEachKeyOneAnswer_AndKeepsItsInvariants_UnderBurstsOfConcurrentCommands() =>
        CheckAsync(log => LedgerScenarioGen.Bursts(40, 100, shrinkFor: TimeSpan.FromSeconds(20), log), defaultRuns: 6);

    private async Task CheckAsync(Func<LedgerRunLog, Arbitrary<LedgerScenario>> scenarios, int defaultRuns)
    {
        var seed = Setting("LEDGER_MODEL_SEED") ?? (ulong)Random.Shared.NextInt64();
        var runs = (int)(Setting("LEDGER_MODEL_RUNS") ?? (ulong)defaultRuns);
        output.WriteLine($"LEDGER_MODEL_SEED={seed} LEDGER_MODEL_RUNS={runs}");
        var log = new LedgerRunLog();
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(runs)
            .WithQuietOnSuccess(true)
            .WithParallelRunConfig(FSharpOption<ParallelRunConfig>.Some(new ParallelRunConfig(Parallelism)))
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        try
        {
            // Off the test's synchronization context: FsCheck waits for each scenario's task synchronously.
            await Task.Run(() => Check.One(config, Prop.ForAll(scenarios(log), scenario => LedgerModelRunner.RunAsync(scenario, log))));
        }
        catch (Exception e)
        {
            Assert.Fail($"Rerun with LEDGER_MODEL_SEED={seed} LEDGER_MODEL_RUNS={runs}.\n{e.Message}");
        }
        finally
        {
            output.WriteLine(log.ToString());
        }
    }

    private static ulong? Setting(string name) => ulong.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
