namespace Daarion.Silo.Storage;

/// <summary>Extra SQL committed with a state write (e.g. journal rows), with positional parameters $1, $2, …</summary>
public sealed record SqlStatement(string CommandText, params object?[] Parameters);
