namespace Daarion.Grains.Interfaces.Ledger;

/// <summary>
/// A transfer of one or more postings that commit together or not at all. <see cref="Metadata"/> is a JSON object
/// in compact form, kept verbatim.
/// </summary>
public sealed record TransferCommand(IReadOnlyList<Posting> Postings, string? Metadata)
{
    public const int MaxPostings = 100;
}
