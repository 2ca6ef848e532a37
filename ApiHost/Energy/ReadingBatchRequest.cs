namespace Daarion.ApiHost.Energy;

/// <summary>POST /v1/oracle/readings:batch: readings of any number of sites (up to Oracle:MaxBatchReadings), each applied in the order given per site.</summary>
public sealed record ReadingBatchRequest(IReadOnlyList<ReadingInput?>? Readings);
