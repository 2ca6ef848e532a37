using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace Daarion.Silo.CodeGen;

/// <summary>
/// Final reference class names where natural ones clash. Outer.IK and Outer_IK both want Outer_IK_GrainReference,
/// and hint names compare case-insensitively, so IK and Ik clash too. Every member of a clashing group gets a
/// suffix in the order of the interfaces' names, so the result does not depend on the order of the files.
/// </summary>
internal sealed record ReferenceNames(EquatableArray<(string Interface, string ClassName)> Renamed)
{
    public static ReferenceNames Resolve(ImmutableArray<GrainInterfaceModel> models) =>
        new(new EquatableArray<(string, string)>(models
            .GroupBy(m => HintName(m.Namespace, m.ReferenceClassName), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            // The suffix keeps the names apart: unsuffixed names all end in _GrainReference.
            .SelectMany(group => group
                .OrderBy(m => m.FullyQualifiedName, StringComparer.Ordinal)
                .Select((m, index) => (m.FullyQualifiedName, $"{m.ReferenceClassName}_{index + 1}")))
            .OrderBy(rename => rename.FullyQualifiedName, StringComparer.Ordinal)
            .ToArray()));

    public string ClassNameOf(GrainInterfaceModel model)
    {
        foreach (var (name, className) in Renamed)
        {
            if (name == model.FullyQualifiedName) return className;
        }
        return model.ReferenceClassName;
    }

    /// <summary>
    /// Hint names allow fewer characters than identifiers (no combining marks, for one); others become '_', and any
    /// clash that makes is resolved like the others.
    /// </summary>
    public static string HintName(string? @namespace, string className)
    {
        var name = new StringBuilder(@namespace is null ? className : @namespace + "." + className);
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsLetterOrDigit(name[i]) && name[i] is not ('.' or '_')) name[i] = '_';
        }
        return name.Append(".g.cs").ToString();
    }
}
