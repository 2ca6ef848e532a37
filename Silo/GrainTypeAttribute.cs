namespace Daarion.Silo;

/// <summary>
/// On a grain class: the stable grain type name stored with its state and reminders.
/// Without it the name is the class name without a trailing "Grain", lower-cased.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
