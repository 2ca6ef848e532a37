using System.Globalization;

namespace Daarion.Grains.Tests;

/// <summary>
/// A ledger write of the model-based test, sent under <see cref="Key"/>. Wallets are slots (<see cref="LedgerModel"/>
/// names them), holds are named by the key of the command that created them, so a command stays meaningful when
/// steps before it are removed.
/// </summary>
internal abstract record LedgerCommand(string Key)
{
    /// <summary>The same key with another body: sending it after this command must be an idempotency conflict.</summary>
    public abstract LedgerCommand Conflicting();

    protected static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public sealed record CreateWallet(string Key, int Slot, string Asset, int Owner, decimal Overdraft) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => this with { Overdraft = Overdraft + 1 };

        public override string ToString() => $"{Key} create {LedgerModel.SlotName(Slot)} {Asset} owner-{Owner} overdraft {Text(Overdraft)}";
    }

    public sealed record Transfer(string Key, IReadOnlyList<Leg> Legs, string? Metadata) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => this with { Legs = [Legs[0] with { Amount = Legs[0].Amount + 1 }, .. Legs.Skip(1)] };

        public override string ToString() => $"{Key} transfer {string.Join(", ", Legs)}{(Metadata is null ? "" : " " + Metadata)}";
    }

    /// <summary>One posting of a transfer.</summary>
    public sealed record Leg(int From, int To, decimal Amount)
    {
        public override string ToString() => $"{LedgerModel.SlotName(From)}->{LedgerModel.SlotName(To)} {Text(Amount)}";
    }

    public sealed record Adjust(string Key, int Slot, decimal Amount) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => this with { Amount = Amount + (Amount > 0 ? 1 : -1) };

        public override string ToString() => $"{Key} adjust {LedgerModel.SlotName(Slot)} {(Amount > 0 ? "+" : "")}{Text(Amount)}";
    }

    /// <summary>A hold, without expiry or (<see cref="Expires"/>) expiring in a month.</summary>
    public sealed record CreateHold(string Key, int From, int To, decimal Amount, bool Expires) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => this with { Amount = Amount + 1 };

        public override string ToString() => $"{Key} hold {LedgerModel.SlotName(From)}->{LedgerModel.SlotName(To)} {Text(Amount)}{(Expires ? " expiring in a month" : "")}";
    }

    /// <summary>Posts <see cref="Amount"/> of the hold created under the key <see cref="Hold"/>, the whole hold when null.</summary>
    public sealed record PostHold(string Key, string Hold, decimal? Amount) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => this with { Amount = Amount is null ? 1 : null };

        public override string ToString() => $"{Key} post hold {Hold} {(Amount is { } amount ? Text(amount) : "in full")}";
    }

    public sealed record VoidHold(string Key, string Hold) : LedgerCommand(Key)
    {
        public override LedgerCommand Conflicting() => new PostHold(Key, Hold, null);

        public override string ToString() => $"{Key} void hold {Hold}";
    }
}
