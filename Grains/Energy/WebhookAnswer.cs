namespace Daarion.Grains.Energy;

/// <summary>
/// The answer to a webhook: the outcome (first time, or <see cref="Replayed"/> from embassy_webhooks), or
/// <see cref="IdReused"/> when the platform sent a different body under an id already answered.
/// </summary>
public sealed record WebhookAnswer<T>(T? Outcome, bool Replayed = false, bool IdReused = false) where T : class;
