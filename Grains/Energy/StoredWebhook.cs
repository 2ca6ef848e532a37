namespace Daarion.Grains.Energy;

/// <summary>A webhook already answered: the body it carried (its hash) and the outcome saved with it (JSON).</summary>
internal sealed record StoredWebhook(byte[] BodySha256, string Outcome);
