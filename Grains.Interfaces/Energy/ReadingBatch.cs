using Daarion.Silo.Events;

namespace Daarion.Grains.Interfaces.Energy;

/// <summary>
/// Readings for one site, applied in the order given. <see cref="Source"/> says where they came from (e.g.
/// <c>batch</c> or <c>embassy:energyunion</c>); <see cref="Receipt"/> is set for a single reading sent as a webhook.
/// </summary>
public sealed record ReadingBatch(string Source, EventActor Actor, IReadOnlyList<MeterReading> Readings, WebhookReceipt? Receipt = null);
