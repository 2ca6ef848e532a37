using Daarion.Grains.Interfaces.Energy;

namespace Daarion.ApiHost.Energy;

/// <summary>A batch's answer: counts per status, the kWh it made payable, and one result per reading in the request's order.</summary>
public sealed record ReadingBatchResponse(int Readings, int Accepted, int Duplicates, int Quarantined, int Rejected, int Failed, decimal AcceptedKwh, IReadOnlyList<BatchReadingResult> Results)
{
    public static ReadingBatchResponse Of(BatchReadingResult[] results)
    {
        Span<int> counts = stackalloc int[Enum.GetValues<ReadingStatus>().Length];
        decimal acceptedKwh = 0;
        foreach (var result in results)
        {
            counts[(int)result.Status]++;
            if (result.Status == ReadingStatus.Accepted) acceptedKwh += result.Kwh ?? 0;
        }
        return new ReadingBatchResponse(results.Length, counts[(int)ReadingStatus.Accepted], counts[(int)ReadingStatus.Duplicate], counts[(int)ReadingStatus.Quarantined],
            counts[(int)ReadingStatus.Rejected], counts[(int)ReadingStatus.Failed], acceptedKwh, results);
    }
}
