namespace Daarion.Grains.Access;

/// <summary>What kind of visitor a member is (reader, commenter, contributor).</summary>
public sealed record ViewerTypeView(string ViewerType, string Description);
