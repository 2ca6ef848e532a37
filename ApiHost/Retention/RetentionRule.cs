namespace Daarion.ApiHost.Retention;

/// <summary>
/// What goes from <paramref name="Table"/> once older than <paramref name="Age"/> (nothing, when the age is zero).
/// <paramref name="DeleteSql"/> deletes up to $2 rows older than $1 and returns how many.
/// </summary>
internal sealed record RetentionRule(string Table, TimeSpan Age, string DeleteSql)
{
    /// <summary>Rows whose <paramref name="column"/> is older than the age. Names are the code's own, never input.</summary>
    public static RetentionRule ByColumn(string table, string column, TimeSpan age) => new(table, age, $"""
        WITH deleted AS (
            DELETE FROM {table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM {table} WHERE {column} < now() - $1 LIMIT $2))
            RETURNING 1)
        SELECT count(*) FROM deleted
        """);
}
