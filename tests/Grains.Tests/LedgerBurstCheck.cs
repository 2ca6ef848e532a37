using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

/// <summary>
/// What must hold per idempotency key for commands sent at once, whatever order they ran in: requests invalid in
/// themselves are refused and not saved; every other request with the key gets the one saved answer (fresh to exactly
/// one of them, replayed to the rest) if its body is the one that answer is for, and IdempotencyConflict otherwise.
/// </summary>
internal static class LedgerBurstCheck
{
    /// <summary>The first broken rule, or null; <paramref name="winners"/> gets each key's fresh saved answer.</summary>
    public static string? KeyProblem(IReadOnlyList<LedgerCommand> commands, IReadOnlyList<LedgerAnswer> answers, List<(LedgerCommand Command, LedgerAnswer Answer)> winners)
    {
        foreach (var key in commands.Select((command, i) => (command, i)).GroupBy(c => c.command.Key, c => c.i))
        {
            var valid = key.Where(i => !LedgerModel.IsInvalid(commands[i])).ToList();
            var invalid = key.Except(valid).FirstOrDefault(i => answers[i].Error?.Code != LedgerErrorCode.InvalidRequest || answers[i].Replayed, -1);
            if (invalid >= 0) return $"{commands[invalid]} is invalid, but was answered {answers[invalid]}";
            if (valid.Count == 0) continue;

            var saved = valid.Where(i => answers[i].Error?.Code != LedgerErrorCode.IdempotencyConflict).ToList();
            if (saved.Count == 0) return $"every request with key {key.Key} was answered IdempotencyConflict: no request got the key";
            var fresh = saved.Where(i => !answers[i].Replayed).ToList();
            if (fresh.Count != 1) return $"{fresh.Count} requests with key {key.Key} got a fresh answer: {string.Join("; ", saved.Select(i => $"{commands[i]}: {answers[i]}"))}";
            var winner = fresh[0];
            var different = saved.FirstOrDefault(i => commands[i] != commands[winner] || answers[i].Json != answers[winner].Json, -1);
            if (different >= 0) return $"key {key.Key}: {commands[winner]} was answered {answers[winner].Json}, then {commands[different]} got {answers[different].Json}";
            var missed = valid.Except(saved).FirstOrDefault(i => commands[i] == commands[winner], -1);
            if (missed >= 0) return $"key {key.Key}: {commands[missed]} is the request that got the key, yet it was answered IdempotencyConflict";
            winners.Add((commands[winner], answers[winner]));
        }
        return null;
    }
}
