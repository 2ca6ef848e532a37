using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Daarion.Grains.Interfaces.Ledger;
using Daarion.Silo.Events;
using Npgsql;
using Xunit.Sdk;

namespace Daarion.Grains.Tests;

/// <summary>
/// Runs a scenario against the real ledger, on a fresh database, and against <see cref="LedgerModel"/> side by side.
/// After every step: each answer is the model's (commands sent at once must be explained by some order of them), what
/// it answered reads back the same, every wallet equals the model's, and the database's own invariants hold. A burst
/// at the end is checked by what holds in any order; last, every wallet's statement must fold to its balance. A
/// failure names the step and the scenario up to it.
/// </summary>
internal sealed class LedgerModelRunner
{
    private const string Scope = "model";
    private const int MaxAttempts = 3;
    private const int StatementPage = 4;

    private readonly TestLedger _ledger;
    private readonly NpgsqlDataSource _database;
    private readonly LedgerRunLog _log;
    private readonly Dictionary<string, Guid> _walletIds;
    private readonly Dictionary<Guid, string> _accounts;
    private readonly Dictionary<string, Guid> _holdIds = [];

    // The expiry of every expiring hold of the run, with ticks below a microsecond that the ledger drops.
    private readonly DateTimeOffset _holdExpiry = DateTimeOffset.UtcNow.AddDays(30);
    private Dictionary<string, string> _firstAnswers = [];
    private LedgerModel _model = new();

    private LedgerModelRunner(TestLedger ledger, NpgsqlDataSource database, IEnumerable<AssetView> assets, LedgerRunLog log)
    {
        _ledger = ledger;
        _database = database;
        _log = log;
        _walletIds = Enumerable.Range(0, LedgerModel.UserSlots + 1).ToDictionary(LedgerModel.Account, _ => Guid.NewGuid());
        foreach (var asset in assets.Where(a => LedgerModel.Scales.ContainsKey(a.Code))) _walletIds[LedgerModel.SystemAccount(asset.Code)] = asset.SystemWalletId;
        _accounts = _walletIds.ToDictionary(w => w.Value, w => w.Key);
    }

    public static async Task RunAsync(LedgerScenario scenario, LedgerRunLog log)
    {
        // A busy machine can time out a connection (the test ledger allows 2 s to open one) or a commit. That says
        // nothing about the ledger's answers, so the scenario starts over on a fresh database, a few times, before
        // it counts as a failure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(scenario, log);
                return;
            }
            catch (Exception e) when (IsInfrastructure(e))
            {
                if (attempt == MaxAttempts) throw;
                log.Retried(e.Message);
            }
        }
    }

    private static async Task RunOnceAsync(LedgerScenario scenario, LedgerRunLog log)
    {
        await using var ledger = await TestLedger.StartAsync(options: o =>
        {
            // A commit slowed down by a busy machine must not turn into OutcomeUnknown: the test is about answers.
            o.CommitTimeout = TimeSpan.FromSeconds(30);
            if (scenario.AnswersFromDatabase) o.RecentAnswers = 0;
        });
        await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ledger.ConnectionString) { Timeout = 30 }.ConnectionString);
        // The first connection to a new database is the slowest; this one may take its time.
        await using (var warmUp = database.CreateCommand("SELECT 1")) await warmUp.ExecuteScalarAsync();
        var runner = new LedgerModelRunner(ledger, database, await ledger.Ledger.ListAssetsAsync(), log);
        for (var i = 0; i <= scenario.Steps.Count; i++)
        {
            var problem = await ProblemAsync(i < scenario.Steps.Count ? runner.StepProblemAsync(scenario.Steps[i]) : runner.EndProblemAsync(scenario.Burst));
            if (problem is null) continue;
            var failure = i < scenario.Steps.Count
                ? $"Step #{i} failed: {problem}\nThe scenario up to the failure: {scenario.Prefix(i)}"
                : $"After the last step: {problem}\nThe scenario: {scenario}";
            log.Failed(scenario, i, failure);
            throw new XunitException(failure);
        }
    }

    // An exception from the ledger is a failure like a wrong answer, unless it is the machine's.
    private static async Task<string?> ProblemAsync(Task<string?> check)
    {
        try
        {
            return await check;
        }
        catch (Exception e) when (!IsInfrastructure(e))
        {
            return e.ToString();
        }
    }

    private async Task<string?> StepProblemAsync(LedgerStep step) => await StepAsync(step) ?? await ModelProblemAsync();

    private async Task<string?> EndProblemAsync(IReadOnlyList<LedgerCommand>? burst) => (burst is null ? null : await BurstAsync(burst)) ?? await StatementProblemAsync();

    private static bool IsInfrastructure(Exception e) => e switch
    {
        InfrastructureException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsInfrastructure),
        _ => e.InnerException is { } inner && IsInfrastructure(inner),
    };

    // Unavailable and OutcomeUnknown are the ledger's answers to a database it cannot reach in time.
    private static void ThrowIfUnreachable(IReadOnlyList<LedgerCommand> commands, IReadOnlyList<LedgerAnswer> answers)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            if (answers[i].Error is { Code: LedgerErrorCode.Unavailable or LedgerErrorCode.OutcomeUnknown } error)
            {
                throw new InfrastructureException($"{commands[i]} was answered {error.Code}: {error.Detail}");
            }
        }
    }

    private Task<string?> StepAsync(LedgerStep step) => step switch
    {
        LedgerStep.Single single => SingleAsync(single.Command),
        _ => ConcurrentAsync(step.Commands),
    };

    private async Task<string?> SingleAsync(LedgerCommand command)
    {
        var answer = await ExecuteAsync(command);
        ThrowIfUnreachable([command], [answer]);
        var expected = _model.Apply(command);
        var problem = Mismatch(command, expected, answer, _firstAnswers) ?? (expected is LedgerExpectation.Success ? BalancesAfterMismatch(answer.Value) : null);
        Remember(command, expected, answer, _firstAnswers);
        RememberHold(command, answer);
        _log.Count(command, expected, concurrent: false);
        if (problem is not null) return $"{command}: the model expects {expected}, the ledger answered {answer}; {problem}";
        return expected is LedgerExpectation.Success ? await ReadBackProblemAsync([answer.Value]) : null;
    }

    // The answers of commands sent at once must be those of the model for some order of the commands. The order is the
    // one in which the wallets reserved funds; balances a transaction answers follow commit order, so they are not
    // compared here (the wallets are, after the step).
    private async Task<string?> ConcurrentAsync(IReadOnlyList<LedgerCommand> commands)
    {
        var answers = await Task.WhenAll(commands.Select(c => Task.Run(() => ExecuteAsync(c))));
        ThrowIfUnreachable(commands, answers);
        foreach (var order in Permutations(commands.Count))
        {
            var model = _model.Clone();
            var firstAnswers = new Dictionary<string, string>(_firstAnswers);
            var expectations = new LedgerExpectation[commands.Count];
            var explained = order.All(i =>
            {
                expectations[i] = model.Apply(commands[i]);
                if (Mismatch(commands[i], expectations[i], answers[i], firstAnswers) is not null) return false;
                Remember(commands[i], expectations[i], answers[i], firstAnswers);
                return true;
            });
            if (!explained) continue;
            for (var i = 0; i < commands.Count; i++) _log.Count(commands[i], expectations[i], concurrent: true);
            (_model, _firstAnswers) = (model, firstAnswers);
            for (var i = 0; i < commands.Count; i++) RememberHold(commands[i], answers[i]);
            return await ReadBackProblemAsync(answers.Where((_, i) => expectations[i] is LedgerExpectation.Success).Select(a => a.Value));
        }
        var sequential = _model.Clone();
        return "no order of the commands explains the answers; sent, the ledger's answer, the model's answer in the order sent:\n" +
            string.Join("\n", commands.Select((c, i) => $"    {c}: {answers[i]}; model: {sequential.Apply(c)}"));
    }

    private static IEnumerable<int[]> Permutations(int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Permutations(count - 1))
        {
            for (var at = 0; at <= rest.Length; at++) yield return [.. rest[..at], count - 1, .. rest[at..]];
        }
    }

    private Task<LedgerAnswer> ExecuteAsync(LedgerCommand command)
    {
        var request = new LedgerRequest(Scope, command.Key, EventActor.User(Scope));
        var ledger = _ledger.Ledger;
        return command switch
        {
            LedgerCommand.CreateWallet c => Answer(ledger.CreateWalletAsync(request, new NewWallet(WalletId(c.Slot), c.Asset, $"owner-{c.Owner}", c.Overdraft))),
            LedgerCommand.Transfer c => Answer(ledger.TransferAsync(request,
                new TransferCommand([.. c.Legs.Select(l => new Posting(WalletId(l.From), WalletId(l.To), l.Amount))], c.Metadata))),
            LedgerCommand.Adjust c => Answer(ledger.AdjustAsync(request, new AdjustmentCommand(WalletId(c.Slot), c.Amount, "model"))),
            LedgerCommand.CreateHold c => Answer(ledger.CreateHoldAsync(request, new HoldCommand(WalletId(c.From), WalletId(c.To), c.Amount, c.Expires ? _holdExpiry : null, null))),
            LedgerCommand.PostHold c => Answer(ledger.PostHoldAsync(request, HoldId(c.Hold), c.Amount)),
            LedgerCommand.VoidHold c => Answer(ledger.VoidHoldAsync(request, HoldId(c.Hold))),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
        };
    }

    private static async Task<LedgerAnswer> Answer<T>(Task<LedgerResult<T>> call) where T : class => LedgerAnswer.Of(await call);

    private Guid WalletId(int slot) => _walletIds[LedgerModel.Account(slot)];

    // A hold named by a key that created none is a hold id no one has.
    private Guid HoldId(string key) =>
        _holdIds.TryGetValue(key, out var id) ? id : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    // Why the answer is not the expected one, or null.
    private string? Mismatch(LedgerCommand command, LedgerExpectation expected, LedgerAnswer answer, IReadOnlyDictionary<string, string> firstAnswers) => expected switch
    {
        LedgerExpectation.Replay when !answer.Replayed => "a replay must be flagged Replayed",
        LedgerExpectation.Replay replay => answer.Json == firstAnswers[replay.Key] ? null : $"the replay differs from the first answer:\n    first {firstAnswers[replay.Key]}\n    now   {answer.Json}",
        LedgerExpectation.Conflict => answer.Error?.Code == LedgerErrorCode.IdempotencyConflict && !answer.Replayed ? null : "expected IdempotencyConflict",
        _ when answer.Replayed => "a fresh answer must not be flagged Replayed",
        LedgerExpectation.Refusal refusal when answer.Error?.Code != refusal.Code => "the outcome differs",
        LedgerExpectation.Refusal refusal => refusal.Available is { } available && answer.Error!.Available != available ? "the available amount differs" : null,
        LedgerExpectation.Success when answer.Error is not null => "the outcome differs",
        LedgerExpectation.Success success => ValueMismatch(command, success, answer.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(expected), expected, "Unknown expectation."),
    };

    // Checks of a successful answer's value that do not depend on other commands.
    private string? ValueMismatch(LedgerCommand command, LedgerExpectation.Success success, object? value)
    {
        var fine = (command, value) switch
        {
            (LedgerCommand.CreateWallet c, WalletView w) =>
                w.WalletId == WalletId(c.Slot) && w.Asset == c.Asset && w.OwnerId == $"owner-{c.Owner}" && w.OverdraftLimit == c.Overdraft && w.Balance == 0 && w.Held == 0,
            (LedgerCommand.Transfer c, TransactionView t) =>
                t.Kind == "transfer" && Entries(t).SequenceEqual(c.Legs.SelectMany(l => new[] { (WalletId(l.From), -l.Amount), (WalletId(l.To), l.Amount) })),
            (LedgerCommand.Adjust c, TransactionView t) =>
                t.Kind == "adjustment" && t.Entries.Count == 2 && t.Entries.Sum(e => e.Amount) == 0 && t.Entries.Single(e => e.WalletId == WalletId(c.Slot)).Amount == c.Amount,
            (LedgerCommand.CreateHold c, HoldView h) =>
                h.Status == HoldView.Pending && h.Amount == c.Amount && h.FromWalletId == WalletId(c.From) && h.ToWalletId == WalletId(c.To) && h.ExpiresAt.HasValue == c.Expires,
            (LedgerCommand.PostHold c, HoldPosting p) =>
                p.Hold.HoldId == HoldId(c.Hold) && p.Hold.Status == HoldView.Posted && p.Hold.PostedAmount == success.Posted && p.Transaction.HoldId == p.Hold.HoldId
                && p.Transaction.Kind == "hold_post" && Entries(p.Transaction).SequenceEqual([(p.Hold.FromWalletId, -success.Posted!.Value), (p.Hold.ToWalletId, success.Posted.Value)]),
            (LedgerCommand.VoidHold c, HoldView h) => h.HoldId == HoldId(c.Hold) && h.Status == HoldView.Voided,
            _ => false,
        };
        return fine ? null : $"the answered value does not match the command: {JsonSerializer.Serialize(value)}";
    }

    private static IEnumerable<(Guid, decimal)> Entries(TransactionView transaction) => transaction.Entries.Select(e => (e.WalletId, e.Amount));

    // A transaction answered alone says each wallet's resulting balance: the model's.
    private string? BalancesAfterMismatch(object? value)
    {
        var transaction = value switch
        {
            TransactionView t => t,
            HoldPosting p => p.Transaction,
            _ => null,
        };
        var wrong = transaction?.Balances.FirstOrDefault(b => b.Balance != _model.Wallets[_accounts[b.WalletId]].Balance);
        return wrong is null ? null : $"the transaction says {_accounts[wrong.WalletId]}'s balance is {wrong.Balance}, the model {_model.Wallets[_accounts[wrong.WalletId]].Balance}";
    }

    // Answers the ledger saves under their key are what every later request with that key and body must get.
    private static void Remember(LedgerCommand command, LedgerExpectation expected, LedgerAnswer answer, Dictionary<string, string> firstAnswers)
    {
        if (expected is LedgerExpectation.Success or LedgerExpectation.Refusal { Saved: true }) firstAnswers[command.Key] = answer.Json;
    }

    private void RememberHold(LedgerCommand command, LedgerAnswer answer)
    {
        if (command is LedgerCommand.CreateHold && answer.Value is HoldView hold) _holdIds[command.Key] = hold.HoldId;
    }

    // Every successful answer reads back the same from the database: a transaction, a hold.
    private async Task<string?> ReadBackProblemAsync(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            var (answered, stored) = value switch
            {
                TransactionView t => ((object)t, (object?)await _ledger.Ledger.GetTransactionAsync(t.TransactionId)),
                HoldPosting p => (p, new HoldPosting((await _ledger.Ledger.GetHoldAsync(p.Hold.HoldId))!, (await _ledger.Ledger.GetTransactionAsync(p.Transaction.TransactionId))!)),
                HoldView h => (h, await _ledger.Ledger.GetHoldAsync(h.HoldId)),
                _ => (value, value),
            };
            var (expected, actual) = (JsonSerializer.Serialize(answered), JsonSerializer.Serialize(stored));
            if (expected != actual) return $"an answer does not read back the same:\n    answered {expected}\n    stored   {actual}";
        }
        return null;
    }

    private async Task<string?> ModelProblemAsync()
    {
        if (await WalletProblemAsync() is { } walletProblem) return walletProblem;
        var snapshot = await LedgerSnapshot.ReadAsync(_database);
        return snapshot.InvariantProblem() ?? ModelCountsProblem(snapshot) ?? await AuditProblemAsync(snapshot.WalletIds, ModelEntries);
    }

    // Every wallet, system wallets included, as the ledger answers it: the model's.
    private async Task<string?> WalletProblemAsync()
    {
        foreach (var (account, id) in _walletIds)
        {
            var view = await _ledger.Ledger.GetWalletAsync(id);
            var wallet = _model.Wallets.GetValueOrDefault(account);
            if (view is null && wallet is null) continue;
            if (view is null || wallet is null) return $"{account} {(view is null ? "is missing" : "exists, but not in the model")}";
            if (view.Balance != wallet.Balance || view.Held != wallet.Held || view.Available != wallet.Available || view.Asset != wallet.Asset || view.OverdraftLimit != wallet.Overdraft)
            {
                return $"{account}: the ledger has balance {view.Balance}, held {view.Held}, available {view.Available} ({view.Asset}, overdraft {view.OverdraftLimit}); " +
                    $"the model {wallet.Balance}, {wallet.Held}, {wallet.Available} ({wallet.Asset}, overdraft {wallet.Overdraft})";
            }
        }
        return null;
    }

    // One journal transaction per successful money movement, one saved answer per key, the model's wallets and holds.
    private string? ModelCountsProblem(LedgerSnapshot snapshot)
    {
        if (snapshot.JournalTransactions != _model.JournalTransactions) return $"the journal has {snapshot.JournalTransactions} transactions, the model {_model.JournalTransactions}";
        if (snapshot.SavedAnswers != _model.SavedAnswers) return $"{snapshot.SavedAnswers} keys have a saved answer, the model {_model.SavedAnswers}";
        var userWallets = _model.Wallets.Values.Count(w => !w.IsSystem);
        if (snapshot.UserWallets != userWallets) return $"the ledger has {snapshot.UserWallets} user wallets, the model {userWallets}";
        if (snapshot.HoldStatuses.Count != _model.Holds.Count) return $"the ledger has {snapshot.HoldStatuses.Count} holds, the model {_model.Holds.Count}";
        var differing = _model.Holds.FirstOrDefault(h => snapshot.HoldStatuses.GetValueOrDefault(HoldId(h.Key)) != h.Value.Status);
        return differing.Value is { } hold ? $"hold {differing.Key} is {snapshot.HoldStatuses.GetValueOrDefault(HoldId(differing.Key)) ?? "missing"}, the model says {hold.Status}" : null;
    }

    private int ModelEntries(Guid walletId) =>
        _accounts.TryGetValue(walletId, out var account) && _model.Wallets.TryGetValue(account, out var wallet) ? wallet.Entries : 0;

    // Each wallet's projection is the fold of its journal entries and its pending holds, with the expected entries.
    private async Task<string?> AuditProblemAsync(IEnumerable<Guid> walletIds, Func<Guid, int> entries)
    {
        foreach (var walletId in walletIds)
        {
            var audit = (await _ledger.Ledger.AuditAsync(walletId))!;
            if (!audit.Matches) return $"the audit of wallet {walletId} does not match: {audit}";
            if (audit.Entries != entries(walletId)) return $"wallet {walletId} has {audit.Entries} journal entries, {entries(walletId)} expected: {audit}";
        }
        return null;
    }

    // Commands sent at once, too many to order: every key has one saved answer, and the wallets, holds and journal are
    // the model's state before the burst plus exactly the effects of those answers.
    private async Task<string?> BurstAsync(IReadOnlyList<LedgerCommand> commands)
    {
        var answers = await Task.WhenAll(commands.Select(c => Task.Run(() => ExecuteAsync(c))));
        ThrowIfUnreachable(commands, answers);
        for (var i = 0; i < commands.Count; i++) _log.Count(commands[i], answers[i]);
        var winners = new List<(LedgerCommand Command, LedgerAnswer Answer)>();
        if (LedgerBurstCheck.KeyProblem(commands, answers, winners) is { } keyProblem) return keyProblem;

        var balances = _model.Wallets.ToDictionary(w => w.Key, w => w.Value.Balance);
        var held = _model.Wallets.ToDictionary(w => w.Key, w => w.Value.Held);
        var entries = _model.Wallets.ToDictionary(w => _walletIds[w.Key], w => w.Value.Entries);
        var holdStatuses = _model.Holds.ToDictionary(h => HoldId(h.Key), h => h.Value.Status);
        var (transactions, userWallets) = (_model.JournalTransactions, _model.Wallets.Values.Count(w => !w.IsSystem));
        foreach (var (command, answer) in winners.Where(w => w.Answer.Error is null))
        {
            var transaction = answer.Value switch
            {
                TransactionView t => t,
                HoldPosting p => p.Transaction,
                _ => null,
            };
            foreach (var entry in transaction?.Entries ?? [])
            {
                var account = _accounts[entry.WalletId];
                balances[account] = balances.GetValueOrDefault(account) + entry.Amount;
                entries[entry.WalletId] = entries.GetValueOrDefault(entry.WalletId) + 1;
            }
            if (transaction is not null) transactions++;
            switch (command)
            {
                case LedgerCommand.CreateWallet:
                    userWallets++;
                    break;
                case LedgerCommand.CreateHold c:
                    held[LedgerModel.Account(c.From)] = held.GetValueOrDefault(LedgerModel.Account(c.From)) + c.Amount;
                    holdStatuses[((HoldView)answer.Value!).HoldId] = HoldView.Pending;
                    break;
                case LedgerCommand.PostHold or LedgerCommand.VoidHold:
                    var holdKey = command is LedgerCommand.PostHold post ? post.Hold : ((LedgerCommand.VoidHold)command).Hold;
                    if (!_model.Holds.TryGetValue(holdKey, out var hold)) return $"{command} succeeded, but no hold {holdKey} was created";
                    if (holdStatuses[HoldId(holdKey)] != HoldView.Pending) return $"hold {holdKey} was no longer pending when {command} resolved it";
                    holdStatuses[HoldId(holdKey)] = command is LedgerCommand.PostHold ? HoldView.Posted : HoldView.Voided;
                    held[hold.From] -= hold.Amount;
                    break;
            }
        }

        // A payer asked for no more than it had may not be refused for funds, whatever the order.
        var asked = winners.SelectMany(w => Debits(w.Command)).GroupBy(d => d.Account, d => d.Amount).ToDictionary(d => d.Key, d => d.Sum());
        bool Affordable(string payer) => _model.Wallets.TryGetValue(payer, out var wallet) && asked[payer] <= wallet.Available + wallet.Overdraft;
        var refused = winners.FirstOrDefault(w => w.Answer.Error?.Code == LedgerErrorCode.InsufficientFunds && Debits(w.Command).All(d => Affordable(d.Account)));
        if (refused.Command is not null)
        {
            return $"{refused.Command} was refused ({refused.Answer}), yet all requests together asked its payers for no more than they had: " +
                string.Join(", ", Debits(refused.Command).Select(d => $"{d.Account} {asked[d.Account]} of {_model.Wallets[d.Account].Available} available (overdraft {_model.Wallets[d.Account].Overdraft})"));
        }

        foreach (var (account, id) in _walletIds)
        {
            var view = await _ledger.Ledger.GetWalletAsync(id);
            if (view is null) continue;
            if (view.Balance != balances.GetValueOrDefault(account) || view.Held != held.GetValueOrDefault(account))
            {
                return $"{account} has balance {view.Balance} and held {view.Held}; the answers say {balances.GetValueOrDefault(account)} and {held.GetValueOrDefault(account)}";
            }
        }
        var snapshot = await LedgerSnapshot.ReadAsync(_database);
        if (snapshot.InvariantProblem() is { } invariantProblem) return invariantProblem;
        if (snapshot.JournalTransactions != transactions) return $"the journal has {snapshot.JournalTransactions} transactions, the answers say {transactions}";
        if (snapshot.SavedAnswers != _model.SavedAnswers + winners.Count) return $"{snapshot.SavedAnswers} keys have a saved answer, the answers say {_model.SavedAnswers + winners.Count}";
        if (snapshot.UserWallets != userWallets) return $"the ledger has {snapshot.UserWallets} user wallets, the answers say {userWallets}";
        var holdProblem = holdStatuses.FirstOrDefault(h => snapshot.HoldStatuses.GetValueOrDefault(h.Key) != h.Value);
        if (holdProblem.Value is not null || snapshot.HoldStatuses.Count != holdStatuses.Count) return $"the holds are {string.Join(", ", snapshot.HoldStatuses)}; the answers say {string.Join(", ", holdStatuses)}";
        return await AuditProblemAsync(snapshot.WalletIds, id => entries.GetValueOrDefault(id)) ??
            await ReadBackProblemAsync(winners.Where(w => w.Answer.Error is null).Select(w => w.Answer.Value));
    }

    // What a command takes from user wallets' available balances if it succeeds.
    private static IEnumerable<(string Account, decimal Amount)> Debits(LedgerCommand command) => command switch
    {
        LedgerCommand.Transfer c => c.Legs.Select(l => (LedgerModel.Account(l.From), l.Amount)),
        LedgerCommand.Adjust { Amount: < 0 } c => [(LedgerModel.Account(c.Slot), -c.Amount)],
        LedgerCommand.CreateHold c => [(LedgerModel.Account(c.From), c.Amount)],
        _ => [],
    };

    // Every wallet's statement, paged newest first, holds each of its entries once and folds to its balance.
    private async Task<string?> StatementProblemAsync()
    {
        foreach (var (account, id) in _walletIds)
        {
            var view = await _ledger.Ledger.GetWalletAsync(id);
            var page = await _ledger.Ledger.ListEntriesAsync(id, null, StatementPage);
            if (view is null || page is null)
            {
                if (view is null && page is null) continue;
                return $"{account}: the wallet is {(view is null ? "missing" : "there")}, its statement {(page is null ? "missing" : "there")}";
            }
            var lines = new List<WalletEntry>(page.Items);
            while (page.NextCursor is not null)
            {
                if (page.Items.Count != StatementPage) return $"{account}: a page of {page.Items.Count} entries has a next page";
                page = (await _ledger.Ledger.ListEntriesAsync(id, lines[^1].EntryId, StatementPage))!;
                lines.AddRange(page.Items);
            }
            var audit = (await _ledger.Ledger.AuditAsync(id))!;
            if (lines.Count != audit.Entries) return $"{account}: the statement has {lines.Count} entries, the journal {audit.Entries}";
            var balance = 0m;
            for (var i = lines.Count - 1; i >= 0; i--)
            {
                balance += lines[i].Amount;
                if (lines[i].BalanceAfter != balance) return $"{account}: entry {lines[i].EntryId} says the balance became {lines[i].BalanceAfter}, its entries add up to {balance}";
                if (i > 0 && lines[i - 1].EntryId <= lines[i].EntryId) return $"{account}: the statement is not newest first";
            }
            if (balance != view.Balance) return $"{account}: the statement adds up to {balance}, the balance is {view.Balance}";
        }
        return null;
    }

    private sealed class InfrastructureException(string message) : Exception(message);
}
