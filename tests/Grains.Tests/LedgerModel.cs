using System.Globalization;
using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

/// <summary>
/// The in-memory reference ledger of the model-based test: wallets, holds, idempotency keys and the number of journal
/// transactions, with the rules of the ledger's contract applied one command at a time. Wallets are slots 0-5 (user
/// wallets, created by commands), <see cref="Ghost"/> (never created) and <see cref="SystemKwt"/>; every wallet, system
/// wallets included, is an account named by <see cref="Account"/>.
/// </summary>
internal sealed class LedgerModel
{
    public const int UserSlots = 6;
    public const int Ghost = 6;
    public const int SystemKwt = 7;
    public const decimal MaxAmount = 999_999_999_999_999m;

    /// <summary>The assets the test uses and their scales (as seeded by sql/0002_ledger.sql).</summary>
    public static readonly IReadOnlyDictionary<string, int> Scales = new Dictionary<string, int> { ["KWT"] = 6, ["USD"] = 2 };

    // numeric(28,12) holds 16 digits before the point: a balance reaching this is out of range.
    private const decimal BalanceBound = 10_000_000_000_000_000m;

    private readonly Dictionary<string, Wallet> _wallets;
    private readonly Dictionary<string, Hold> _holds;
    private readonly Dictionary<string, string> _keys;

    public LedgerModel()
    {
        _wallets = Scales.Keys.ToDictionary(SystemAccount, asset => new Wallet(asset, "system", null, 0, 0, 0));
        _holds = [];
        _keys = [];
    }

    private LedgerModel(LedgerModel other)
    {
        _wallets = new Dictionary<string, Wallet>(other._wallets);
        _holds = new Dictionary<string, Hold>(other._holds);
        _keys = new Dictionary<string, string>(other._keys);
        JournalTransactions = other.JournalTransactions;
    }

    /// <summary>Wallets by account; a user wallet is here once created.</summary>
    public IReadOnlyDictionary<string, Wallet> Wallets => _wallets;

    /// <summary>Holds by the key of the command that created them.</summary>
    public IReadOnlyDictionary<string, Hold> Holds => _holds;

    /// <summary>Keys that have a saved answer (a journal transaction or an idempotency record).</summary>
    public int SavedAnswers => _keys.Count;

    public int JournalTransactions { get; private set; }

    public static string Account(int slot) => slot == SystemKwt ? SystemAccount("KWT") : SlotName(slot);

    public static string SystemAccount(string asset) => $"system-{asset}";

    public static string SlotName(int slot) => slot switch
    {
        Ghost => "ghost",
        SystemKwt => SystemAccount("KWT"),
        _ => $"w{slot}",
    };

    public LedgerModel Clone() => new(this);

    /// <summary>Applies the command and says what the ledger must answer.</summary>
    public LedgerExpectation Apply(LedgerCommand command)
    {
        // Requests invalid in themselves are refused before their key is looked at, and not saved.
        if (IsInvalid(command)) return new LedgerExpectation.Refusal(LedgerErrorCode.InvalidRequest, null, Saved: false);
        var body = Body(command);
        if (_keys.TryGetValue(command.Key, out var saved))
        {
            return saved == body ? new LedgerExpectation.Replay(command.Key) : new LedgerExpectation.Conflict();
        }
        var answer = command switch
        {
            LedgerCommand.CreateWallet c => CreateWallet(c),
            LedgerCommand.Transfer c => Move([.. c.Legs.Select(l => (Account(l.From), Account(l.To), l.Amount))]),
            LedgerCommand.Adjust c => Adjust(c),
            LedgerCommand.CreateHold c => CreateHold(c),
            LedgerCommand.PostHold c => PostHold(c),
            LedgerCommand.VoidHold c => VoidHold(c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
        };
        _keys[command.Key] = body;
        return answer;
    }

    /// <summary>Whether the request is invalid in itself: refused before its key is looked at, and not saved.</summary>
    public static bool IsInvalid(LedgerCommand command) => command switch
    {
        LedgerCommand.CreateWallet c => c.Overdraft is < 0 or > MaxAmount,
        LedgerCommand.Transfer c => c.Legs.Count is 0 or > TransferCommand.MaxPostings || c.Legs.Any(l => l.From == l.To || l.Amount is <= 0 or > MaxAmount),
        LedgerCommand.Adjust c => c.Amount == 0 || Math.Abs(c.Amount) > MaxAmount,
        LedgerCommand.CreateHold c => c.From == c.To || c.Amount is <= 0 or > MaxAmount,
        LedgerCommand.PostHold c => c.Amount is <= 0 or > MaxAmount,
        _ => false,
    };

    // What the ledger's request hash tells apart: the operation and every argument, decimals compared by value and a
    // hold by the one the command names when it is sent.
    private string Body(LedgerCommand command) => command switch
    {
        LedgerCommand.CreateWallet c => $"wallet {c.Slot} {c.Asset} {c.Owner} {Normal(c.Overdraft)}",
        LedgerCommand.Transfer c => $"transfer {string.Join(";", c.Legs.Select(l => $"{l.From}>{l.To}:{Normal(l.Amount)}"))} {c.Metadata}",
        LedgerCommand.Adjust c => $"adjust {c.Slot} {Normal(c.Amount)}",
        LedgerCommand.CreateHold c => $"hold {c.From}>{c.To}:{Normal(c.Amount)} {c.Expires}",
        LedgerCommand.PostHold c => $"post {HoldIdentity(c.Hold)} {(c.Amount is { } amount ? Normal(amount) : "null")}",
        LedgerCommand.VoidHold c => $"void {HoldIdentity(c.Hold)}",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
    };

    private string HoldIdentity(string holdKey) => _holds.ContainsKey(holdKey) ? holdKey : "missing " + holdKey;

    private static string Normal(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private LedgerExpectation CreateWallet(LedgerCommand.CreateWallet c)
    {
        if (!Scales.TryGetValue(c.Asset, out var scale)) return Saved(LedgerErrorCode.UnknownAsset);
        if (!Fits(c.Overdraft, scale)) return Saved(LedgerErrorCode.InvalidAmount);
        var owner = $"owner-{c.Owner}";
        if (_wallets.ContainsKey(Account(c.Slot))) return Saved(LedgerErrorCode.WalletExists);
        if (_wallets.Values.Any(w => w.Owner == owner && w.Asset == c.Asset)) return Saved(LedgerErrorCode.OwnerHasWallet);
        _wallets[Account(c.Slot)] = new Wallet(c.Asset, owner, c.Overdraft, 0, 0, 0);
        return new LedgerExpectation.Success();
    }

    private LedgerExpectation Adjust(LedgerCommand.Adjust c)
    {
        var account = Account(c.Slot);
        if (!_wallets.TryGetValue(account, out var wallet)) return Saved(LedgerErrorCode.UnknownWallet);
        if (wallet.IsSystem) return Saved(LedgerErrorCode.InvalidRequest);
        var system = SystemAccount(wallet.Asset);
        return c.Amount > 0 ? Move([(system, account, c.Amount)]) : Move([(account, system, -c.Amount)]);
    }

    // A journal transaction: every posting's wallets exist, share an asset and its scale; every payer can pay its
    // total; no resulting balance is out of range.
    private LedgerExpectation Move(IReadOnlyList<(string From, string To, decimal Amount)> postings)
    {
        foreach (var (from, to, amount) in postings)
        {
            if (PostingProblem(from, to, amount) is { } problem) return Saved(problem);
        }
        foreach (var debit in postings.GroupBy(p => p.From, p => p.Amount))
        {
            if (Shortfall(debit.Key, debit.Sum()) is { } available) return new LedgerExpectation.Refusal(LedgerErrorCode.InsufficientFunds, available, Saved: true);
        }
        if (!Post(postings)) return Saved(LedgerErrorCode.InvalidAmount);
        JournalTransactions++;
        return new LedgerExpectation.Success();
    }

    private LedgerExpectation CreateHold(LedgerCommand.CreateHold c)
    {
        var (from, to) = (Account(c.From), Account(c.To));
        if (PostingProblem(from, to, c.Amount) is { } problem) return Saved(problem);
        if (Shortfall(from, c.Amount) is { } available) return new LedgerExpectation.Refusal(LedgerErrorCode.InsufficientFunds, available, Saved: true);
        var payer = _wallets[from];
        _wallets[from] = payer with { Held = payer.Held + c.Amount };
        _holds[c.Key] = new Hold(from, to, payer.Asset, c.Amount, HoldView.Pending);
        return new LedgerExpectation.Success();
    }

    private LedgerExpectation PostHold(LedgerCommand.PostHold c)
    {
        if (HoldProblem(c.Hold) is { } problem) return Saved(problem);
        var hold = _holds[c.Hold];
        var posted = c.Amount ?? hold.Amount;
        if (posted > hold.Amount) return Saved(LedgerErrorCode.HoldAmountExceeded);
        if (!Fits(posted, Scales[hold.Asset])) return Saved(LedgerErrorCode.InvalidAmount);
        if (!Post([(hold.From, hold.To, posted)])) return Saved(LedgerErrorCode.InvalidAmount);
        Release(c.Hold, HoldView.Posted);
        JournalTransactions++;
        return new LedgerExpectation.Success(posted);
    }

    private LedgerExpectation VoidHold(LedgerCommand.VoidHold c)
    {
        if (HoldProblem(c.Hold) is { } problem) return Saved(problem);
        Release(c.Hold, HoldView.Voided);
        return new LedgerExpectation.Success();
    }

    private LedgerErrorCode? PostingProblem(string from, string to, decimal amount)
    {
        if (!_wallets.TryGetValue(from, out var payer) || !_wallets.TryGetValue(to, out var payee)) return LedgerErrorCode.UnknownWallet;
        if (payer.Asset != payee.Asset) return LedgerErrorCode.AssetMismatch;
        return Fits(amount, Scales[payer.Asset]) ? null : LedgerErrorCode.InvalidAmount;
    }

    private LedgerErrorCode? HoldProblem(string holdKey) =>
        !_holds.TryGetValue(holdKey, out var hold) ? LedgerErrorCode.HoldNotFound
        : hold.Status != HoldView.Pending ? LedgerErrorCode.HoldNotPending
        : null;

    // The payer's available balance when it cannot pay the amount without going below its overdraft limit.
    private decimal? Shortfall(string account, decimal amount)
    {
        var wallet = _wallets[account];
        return wallet.Overdraft is { } limit && wallet.Available - amount < -limit ? wallet.Available : null;
    }

    // Applies the postings' entries in order (debit, then credit), unless a running balance leaves numeric(28,12).
    private bool Post(IReadOnlyList<(string From, string To, decimal Amount)> postings)
    {
        var running = new Dictionary<string, Wallet>();
        foreach (var (account, delta) in postings.SelectMany(p => new[] { (p.From, -p.Amount), (p.To, p.Amount) }))
        {
            var wallet = running.GetValueOrDefault(account) ?? _wallets[account];
            if (Math.Abs(wallet.Balance + delta) >= BalanceBound) return false;
            running[account] = wallet with { Balance = wallet.Balance + delta, Entries = wallet.Entries + 1 };
        }
        foreach (var (account, wallet) in running) _wallets[account] = wallet;
        return true;
    }

    private void Release(string holdKey, string status)
    {
        var hold = _holds[holdKey];
        _holds[holdKey] = hold with { Status = status };
        _wallets[hold.From] = _wallets[hold.From] with { Held = _wallets[hold.From].Held - hold.Amount };
    }

    private static bool Fits(decimal amount, int scale) => decimal.Round(amount, scale) == amount;

    private static LedgerExpectation.Refusal Saved(LedgerErrorCode code) => new(code, null, Saved: true);

    /// <summary>A wallet of the model; <see cref="Overdraft"/> is null for a system wallet (no limit). <see cref="Entries"/>: its journal entries.</summary>
    public sealed record Wallet(string Asset, string Owner, decimal? Overdraft, decimal Balance, decimal Held, int Entries)
    {
        public bool IsSystem => Overdraft is null;

        public decimal Available => Balance - Held;
    }

    public sealed record Hold(string From, string To, string Asset, decimal Amount, string Status);
}
