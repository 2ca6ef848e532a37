namespace Daarion.Grains.Access;

/// <summary>The static part of the registry at one version, as read in one transaction; what the PDP compiles.</summary>
public sealed record RegistrySnapshot(
    long Version,
    IReadOnlyList<CapabilityView> Capabilities,
    IReadOnlyList<BundleView> Bundles,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<ViewerTypeView> ViewerTypes,
    IReadOnlyList<PlanView> Plans,
    IReadOnlyList<RoleBundleView> RoleBundles,
    IReadOnlyList<ScopeBundleView> ScopeBundles,
    IReadOnlyList<KindBundleView> KindBundles);
