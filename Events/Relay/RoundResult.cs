namespace Daarion.Events.Relay;

/// <summary>The outcome of each event of a page, with the reason of failures and dead letters.</summary>
internal sealed class RoundResult(int events)
{
    public PublishOutcome[] Outcomes { get; } = new PublishOutcome[events];

    public string?[] Reasons { get; } = new string?[events];

    /// <summary>A publish found no stream for a subject the catalog routes: the server lost its streams.</summary>
    public bool StreamMissing { get; set; }

    public int Count(PublishOutcome outcome) => Outcomes.Count(o => o == outcome);

    /// <summary>Done with: published (now or before) or dead-lettered; the row is marked once all its events are.</summary>
    public bool IsSettled(int index) => Outcomes[index] is PublishOutcome.Stored or PublishOutcome.Duplicate or PublishOutcome.DeadLetter;

    public void Set(int index, PublishOutcome outcome, string? reason = null)
    {
        Outcomes[index] = outcome;
        Reasons[index] = reason;
    }
}
