using System.Collections.Immutable;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace Daarion.Grains.Tests;

/// <summary>
/// Generates <see cref="LedgerScenario"/>s: the wallets are created and funded first, then come transfers (one or
/// several legs), adjustments, holds and their posts and voids, replays and conflicting replays of earlier keys, and
/// commands sent at once. Amounts are chosen to hit both sides of every rule: funds, overdraft limits, asset scales
/// (KWT has 6 decimals, USD 2), the largest amount. Keys are named after the step that first sends them.
/// </summary>
internal static class LedgerScenarioGen
{
    private const string NoHold = "no-such-hold";

    // The wallet each slot is normally created as: four KWT and two USD wallets, three of them with an overdraft limit.
    private static readonly (string Asset, int Owner, decimal Overdraft)[] Canonical =
        [("KWT", 0, 0), ("KWT", 1, 100), ("USD", 2, 0), ("USD", 3, 25.5m), ("KWT", 4, 0), ("KWT", 5, 10)];

    /// <summary>
    /// Scenarios of <paramref name="minSteps"/> to <paramref name="maxSteps"/> steps, each checked against the model.
    /// A failed one shrinks to the steps up to its failure (from <paramref name="log"/>), then by removing steps, for
    /// at most <paramref name="shrinkFor"/>.
    /// </summary>
    public static Arbitrary<LedgerScenario> Steps(int minSteps, int maxSteps, TimeSpan shrinkFor, LedgerRunLog log)
    {
        var shrinking = new Stopwatch();
        var scenarios =
            from fromDatabase in Gen.Elements(false, true)
            from length in Gen.Choose(minSteps, maxSteps)
            from opening in Opening
            from history in Continue(opening, length)
            select new LedgerScenario(fromDatabase, history.Steps);
        return Arb.From(scenarios, scenario => Shrink(scenario, log, shrinking, shrinkFor));
    }

    /// <summary>
    /// Scenarios that set up funded wallets and a few holds, then send <paramref name="minCommands"/> to
    /// <paramref name="maxCommands"/> commands at once, many of them several times or with another body under the
    /// same key. Shrinking removes steps and commands, for at most <paramref name="shrinkFor"/>.
    /// </summary>
    public static Arbitrary<LedgerScenario> Bursts(int minCommands, int maxCommands, TimeSpan shrinkFor, LedgerRunLog log)
    {
        var shrinking = new Stopwatch();
        var scenarios =
            from fromDatabase in Gen.Elements(false, true)
            from opening in Opening
            from holds in Gen.CollectToList(Enumerable.Range(0, 4).Select(i =>
                Leg(SpendAmount).Select(l => (LedgerCommand)new LedgerCommand.CreateHold($"k{opening.Steps.Count + i}", l.From, l.To, l.Amount, Expires: false))))
            let history = holds.Aggregate(opening, (h, hold) => h.With(new LedgerStep.Single(hold)))
            from count in Gen.Choose(minCommands, maxCommands)
            from commands in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Command($"b{i}", history)))
            from sent in Gen.CollectToList(commands.Select(c =>
                from copies in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(4)))
                from conflicting in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (IEnumerable<LedgerCommand>)[.. Enumerable.Repeat(c, copies), .. conflicting ? [c.Conflicting()] : Array.Empty<LedgerCommand>()]))
            from burst in Gen.Shuffle(sent.SelectMany(c => c))
            select new LedgerScenario(fromDatabase, history.Steps, burst);
        return Arb.From(scenarios, scenario => Shrink(scenario, log, shrinking, shrinkFor));
    }

    // The wallet slots created (mostly as normal; up to two left for later), then each funded.
    private static Gen<History> Opening =>
        from order in Gen.Shuffle(Enumerable.Range(0, LedgerModel.UserSlots))
        from later in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from creates in Gen.CollectToList(order.SkipLast(later).Select((slot, i) => CreateWallet($"k{i}", slot)))
        from funded in Gen.Shuffle(Enumerable.Range(0, LedgerModel.UserSlots))
        from fundings in Gen.CollectToList(funded.Select((slot, i) => Funding($"k{creates.Count + i}", slot)))
        select History.Of([.. creates, .. fundings]);

    // First the steps up to the failure, then without ever smaller runs of steps or of the burst's commands. A removed
    // command's key or hold simply becomes unknown to the later ones.
    private static IEnumerable<LedgerScenario> Shrink(LedgerScenario scenario, LedgerRunLog log, Stopwatch shrinking, TimeSpan budget)
    {
        shrinking.Start();
        if (log.FailedStep(scenario) is { } failed && failed < scenario.Steps.Count - 1) yield return scenario.Prefix(failed);
        var candidates = Without(scenario.Steps).Select(steps => scenario with { Steps = steps })
            .Concat(Without(scenario.Burst ?? []).Select(burst => scenario with { Burst = burst }));
        foreach (var candidate in candidates)
        {
            if (shrinking.Elapsed > budget) yield break;
            yield return candidate;
        }
    }

    private static IEnumerable<IReadOnlyList<T>> Without<T>(IReadOnlyList<T> items)
    {
        for (var size = items.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= items.Count; start += size) yield return [.. items.Take(start), .. items.Skip(start + size)];
        }
    }

    private static Gen<History> Continue(History history, int length) =>
        history.Steps.Count >= length ? Gen.Constant(history) : Step(history).SelectMany(step => Continue(history.With(step), length));

    private static Gen<LedgerStep> Step(History history)
    {
        var key = $"k{history.Steps.Count}";
        var steps = new List<(int, Gen<LedgerStep>)>
        {
            (60, Command(key, history).Select(c => (LedgerStep)new LedgerStep.Single(c))),
            (10, Gen.Elements<LedgerCommand>(history.Commands).Select(c => (LedgerStep)new LedgerStep.Single(c, "replay"))),
            (5, Gen.Elements<LedgerCommand>(history.Commands).Select(c => (LedgerStep)new LedgerStep.Single(c.Conflicting(), $"same key as {c}"))),
            (3, SpendRace(key)),
            (2, DuplicateBurst(key, history)),
            (2, ReplaysAmongSpends(key, history)),
            (2, Mixed(key, history)),
        };
        if (!history.HoldKeys.IsEmpty) steps.Add((2, HoldRace(key, history)));
        var uncreated = Enumerable.Range(0, LedgerModel.UserSlots).Except(history.Commands.OfType<LedgerCommand.CreateWallet>().Select(c => c.Slot)).ToList();
        if (uncreated.Count > 0) steps.Add((4, CreateRace(key, uncreated)));
        return Gen.Frequency(steps);
    }

    private static Gen<LedgerCommand> Command(string key, History history) => Gen.Frequency(
        (4, Gen.Choose(0, LedgerModel.UserSlots - 1).SelectMany(slot => CreateWallet(key, slot))),
        (18, from leg in Leg(Amount) from metadata in Metadata(key) select (LedgerCommand)new LedgerCommand.Transfer(key, [leg], metadata)),
        (7, from legs in Gen.Choose(2, 4).SelectMany(n => Gen.ListOf(Leg(Amount), n)) from metadata in Metadata(key)
            select (LedgerCommand)new LedgerCommand.Transfer(key, legs, metadata)),
        (9, from slot in Gen.Frequency((12, Slot), (1, Gen.Constant(LedgerModel.SystemKwt))) from amount in AdjustAmount
            select (LedgerCommand)new LedgerCommand.Adjust(key, slot, amount)),
        (9, from leg in Leg(Gen.Frequency((3, SpendAmount), (1, Amount))) from expires in Gen.Elements(false, false, true)
            select (LedgerCommand)new LedgerCommand.CreateHold(key, leg.From, leg.To, leg.Amount, expires)),
        (7, from hold in HoldKey(history) from amount in Gen.Frequency((2, Gen.Constant<decimal?>(null)), (3, Gen.Frequency((3, SpendAmount), (1, Amount)).Select(a => (decimal?)a)))
            select (LedgerCommand)new LedgerCommand.PostHold(key, hold, amount)),
        (5, from hold in HoldKey(history) select (LedgerCommand)new LedgerCommand.VoidHold(key, hold)));

    private static Gen<LedgerCommand> CreateWallet(string key, int slot) => Gen.Frequency(
        (5, Gen.Constant((LedgerCommand)new LedgerCommand.CreateWallet(key, slot, Canonical[slot].Asset, Canonical[slot].Owner, Canonical[slot].Overdraft))),
        (1, from asset in Gen.Elements("KWT", "USD", "NOPE")
            from owner in Gen.Choose(0, LedgerModel.UserSlots - 1)
            from overdraft in Gen.Elements(0m, 5m, 0.001m, 0.0000001m, -1m)
            select (LedgerCommand)new LedgerCommand.CreateWallet(key, slot, asset, owner, overdraft)));

    private static Gen<LedgerCommand> Funding(string key, int slot) =>
        from amount in Gen.Choose(20, 400)
        select (LedgerCommand)new LedgerCommand.Adjust(key, slot, amount);

    // Several payments from one wallet at once: which of them fit depends on the order the wallet takes them in.
    private static Gen<LedgerStep> SpendRace(string key) =>
        from payer in Gen.Choose(0, LedgerModel.UserSlots - 1)
        from count in Gen.Choose(3, 6)
        from transfers in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Spend($"{key}.{i}", payer)))
        select (LedgerStep)new LedgerStep.Concurrent(transfers, $"{count} payments from {LedgerModel.SlotName(payer)}");

    // One request sent several times at once (sometimes with a different body under the same key): one effect.
    private static Gen<LedgerStep> DuplicateBurst(string key, History history) =>
        from command in Command(key, history)
        from copies in Gen.Choose(2, 5)
        from conflicting in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (LedgerStep)new LedgerStep.Concurrent(
            [.. Enumerable.Repeat(command, copies), .. conflicting ? [command.Conflicting()] : Array.Empty<LedgerCommand>()],
            conflicting ? "one key, bodies differ" : "one request, sent repeatedly");

    // Requests under different keys creating one wallet, and sometimes another wallet for the same owner and asset.
    private static Gen<LedgerStep> CreateRace(string key, IReadOnlyList<int> uncreated) =>
        from slot in Gen.Elements<int>(uncreated)
        from other in Gen.Elements(uncreated.Count > 1 ? uncreated.Where(s => s != slot) : [slot])
        let wallet = Canonical[slot]
        select (LedgerStep)new LedgerStep.Concurrent(
            [
                new LedgerCommand.CreateWallet($"{key}.0", slot, wallet.Asset, wallet.Owner, wallet.Overdraft),
                new LedgerCommand.CreateWallet($"{key}.1", slot, wallet.Asset, wallet.Owner, wallet.Overdraft),
                new LedgerCommand.CreateWallet($"{key}.2", other, wallet.Asset, wallet.Owner, Canonical[other].Overdraft),
            ],
            $"creations of {LedgerModel.SlotName(slot)} and of {LedgerModel.SlotName(other)} for the same owner");

    // Retries of earlier payments (their key has an answer already) while new payments compete for the same wallet's
    // funds: a retry must not take any.
    private static Gen<LedgerStep> ReplaysAmongSpends(string key, History history)
    {
        var payments = history.Commands.Where(c => c is LedgerCommand.Transfer or LedgerCommand.CreateHold).ToList();
        return
            from first in Gen.Elements<LedgerCommand>(payments.Count > 0 ? payments : history.Commands)
            let payer = Payer(first) ?? 0
            from more in Gen.ListOf(Gen.Elements<LedgerCommand>(payments.Where(p => Payer(p) == payer).DefaultIfEmpty(first)), 2)
            from count in Gen.Choose(2, 4)
            from spends in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Spend($"{key}.{i}", payer)))
            select (LedgerStep)new LedgerStep.Concurrent([first, .. more.Distinct().Where(c => c != first), .. spends], $"retries among new payments from {LedgerModel.SlotName(payer)}");
    }

    private static int? Payer(LedgerCommand command) => command switch
    {
        LedgerCommand.Transfer t => t.Legs[0].From,
        LedgerCommand.CreateHold h => h.From,
        _ => null,
    };

    private static Gen<LedgerStep> HoldRace(string key, History history) =>
        from hold in HoldKey(history)
        from amount in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, SpendAmount.Select(a => (decimal?)a)))
        from secondPost in Gen.Elements(false, true)
        select (LedgerStep)new LedgerStep.Concurrent(
            [
                new LedgerCommand.PostHold($"{key}.0", hold, amount),
                new LedgerCommand.VoidHold($"{key}.1", hold),
                .. secondPost ? [new LedgerCommand.PostHold($"{key}.2", hold, null)] : Array.Empty<LedgerCommand>(),
            ],
            $"post and void of hold {hold}");

    private static Gen<LedgerStep> Mixed(string key, History history) =>
        from count in Gen.Choose(2, 5)
        from commands in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Command($"{key}.{i}", history)))
        select (LedgerStep)new LedgerStep.Concurrent(commands, "unrelated requests");

    private static Gen<LedgerCommand> Spend(string key, int payer) =>
        from payee in Gen.Frequency((6, Gen.Elements(SameAsset(payer))), (1, Slot)).Where(s => s != payer)
        from amount in SpendAmount
        select (LedgerCommand)new LedgerCommand.Transfer(key, [new LedgerCommand.Leg(payer, payee, amount)], null);

    // Mostly two wallets normally of one asset; sometimes any two, the ghost included.
    private static Gen<LedgerCommand.Leg> Leg(Gen<decimal> amounts) =>
        from pair in Gen.Frequency(
            (6, Gen.Choose(0, LedgerModel.UserSlots - 1).SelectMany(payer => Gen.Elements(SameAsset(payer)).Select(payee => (payer, payee)))),
            (1, Gen.Zip(Slot, Slot)))
        from amount in amounts
        select new LedgerCommand.Leg(pair.Item1, pair.Item2, amount);

    // The ghost (a wallet that never exists) has no asset: any user slot will do as its counterparty.
    private static int[] SameAsset(int slot) =>
        [.. Enumerable.Range(0, LedgerModel.UserSlots).Where(s => s != slot && (slot >= Canonical.Length || Canonical[s].Asset == Canonical[slot].Asset))];

    // Mostly one of the latest holds, which are the likeliest to be pending.
    private static Gen<string> HoldKey(History history) => history.HoldKeys.IsEmpty
        ? Gen.Constant(NoHold)
        : Gen.Frequency(
            (8, Gen.Elements<string>(history.HoldKeys.TakeLast(2))),
            (4, Gen.Elements<string>(history.HoldKeys)),
            (1, Gen.Constant(NoHold)));

    private static Gen<string?> Metadata(string key) =>
        Gen.Frequency<string?>((4, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>($$"""{"ref":"{{key}}"}""")));

    // Mostly the user wallets, sometimes one never created.
    private static Gen<int> Slot => Gen.Frequency((20, Gen.Choose(0, LedgerModel.UserSlots - 1)), (1, Gen.Constant(LedgerModel.Ghost)));

    private static Gen<decimal> SpendAmount => Gen.Frequency(
        (4, Gen.Choose(5, 120).Select(i => (decimal)i)),
        (1, Gen.Choose(1, 12_000).Select(i => i / 100m)));

    private static Gen<decimal> Amount => Gen.Frequency(
        (50, Gen.Choose(1, 150).Select(i => (decimal)i)),
        (15, Gen.Choose(1, 15_000).Select(i => i / 100m)),
        (8, Gen.Choose(1, 99_999_999).Select(i => i / 1_000_000m)),
        (4, Gen.Choose(1, 999).Select(i => 1 + (i / 10_000_000m))),
        (3, Gen.Elements(0m, -5m)),
        (1, Gen.Constant(LedgerModel.MaxAmount + 1)));

    private static Gen<decimal> AdjustAmount => Gen.Frequency(
        (6, Gen.Choose(20, 500).Select(i => (decimal)i)),
        (4, Gen.Choose(1, 200).Select(i => (decimal)-i)),
        (2, Amount),
        (1, Gen.Elements(LedgerModel.MaxAmount, -LedgerModel.MaxAmount)));

    /// <summary>The steps so far, every command sent so far (for replays) and the keys of the holds they may have created.</summary>
    private sealed record History(ImmutableList<LedgerStep> Steps, ImmutableList<LedgerCommand> Commands, ImmutableList<string> HoldKeys)
    {
        public static History Of(IEnumerable<LedgerCommand> opening) =>
            opening.Aggregate(new History([], [], []), (history, command) => history.With(new LedgerStep.Single(command)));

        public History With(LedgerStep step)
        {
            var commands = step.Commands.Distinct().ToList();
            var holds = commands.OfType<LedgerCommand.CreateHold>().Select(c => c.Key).Where(k => !HoldKeys.Contains(k)).Distinct();
            return new History(Steps.Add(step), Commands.AddRange(commands), HoldKeys.AddRange(holds));
        }
    }
}
