using Daarion.Grains.Interfaces.Ledger;

namespace Daarion.Grains.Tests;

/// <summary>What <see cref="LedgerModel"/> says the ledger must answer to a command.</summary>
internal abstract record LedgerExpectation
{
    /// <summary>Done, answered fresh. <see cref="Posted"/>: the amount a hold post moved.</summary>
    public sealed record Success(decimal? Posted = null) : LedgerExpectation
    {
        public override string ToString() => Posted is { } posted ? $"success (posted {posted})" : "success";
    }

    /// <summary>Refused, answered fresh; <see cref="Saved"/> when the refusal is kept as the key's answer.</summary>
    public sealed record Refusal(LedgerErrorCode Code, decimal? Available, bool Saved) : LedgerExpectation
    {
        public override string ToString() => $"{Code}{(Available is { } available ? $" (available {available})" : "")}{(Saved ? "" : ", not saved")}";
    }

    /// <summary>The key's first answer again, byte for byte, flagged as replayed; nothing written.</summary>
    public sealed record Replay(string Key) : LedgerExpectation
    {
        public override string ToString() => $"replay of {Key}'s first answer";
    }

    /// <summary>The key was used with another body: IdempotencyConflict, nothing written.</summary>
    public sealed record Conflict : LedgerExpectation
    {
        public override string ToString() => "IdempotencyConflict";
    }
}
