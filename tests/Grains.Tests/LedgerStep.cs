namespace Daarion.Grains.Tests;

/// <summary>One step of a model-based scenario: a command sent alone, or several sent at once.</summary>
internal abstract record LedgerStep
{
    /// <summary>All commands of the step, in the order they are sent.</summary>
    public abstract IReadOnlyList<LedgerCommand> Commands { get; }

    /// <summary>A command sent alone; <see cref="Note"/> says why it was generated (a replay, a conflict).</summary>
    public sealed record Single(LedgerCommand Command, string? Note = null) : LedgerStep
    {
        public override IReadOnlyList<LedgerCommand> Commands => [Command];

        public override string ToString() => Note is null ? Command.ToString() : $"{Command}   ({Note})";
    }

    /// <summary>Commands sent at once; <see cref="Note"/> names the race they set up.</summary>
    public sealed record Concurrent(IReadOnlyList<LedgerCommand> Sent, string Note) : LedgerStep
    {
        public override IReadOnlyList<LedgerCommand> Commands => Sent;

        public override string ToString() => $"at once ({Note}): {string.Join(" | ", Sent)}";
    }
}
