namespace Daarion.ApiHost.Economy;

/// <summary>What POST /v1/payouts/run did: the payouts it generated for periods closed by <see cref="Through"/>.</summary>
public sealed record PayoutRun(int PayoutsGenerated, DateTimeOffset Through);
