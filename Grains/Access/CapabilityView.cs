namespace Daarion.Grains.Access;

/// <summary>A registered capability; internal ones (service.*) are held by internal services only.</summary>
public sealed record CapabilityView(string Capability, string Description, bool Internal);
