namespace Daarion.Silo;

/// <summary>Identity of a grain: its grain type name (stable, persisted) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
