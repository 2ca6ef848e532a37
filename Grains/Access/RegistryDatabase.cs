using Npgsql;

namespace Daarion.Grains.Access;

/// <summary>
/// Runs a registry change in one transaction: all of it commits or none of it does. The database's own refusals (a
/// foreign key, a unique name, a check) become registry errors, and after a commit this process loads the new
/// version before answering, so the change is effective on the next request.
/// </summary>
public sealed class RegistryDatabase(NpgsqlDataSource dataSource, PolicyCatalog catalog)
{
    public async Task<RegistryResult<T>> ChangeAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<RegistryResult<T>>> change, CancellationToken cancellationToken)
    {
        RegistryResult<T> result;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                result = await change(connection, transaction).ConfigureAwait(false);
            }
            catch (PostgresException e) when (Refusal(e) is { } refusal)
            {
                return refusal;
            }
            if (result.Error is not null) return result;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Committed: the change stands. The listener loads it when it reconnects to the database.
        }
        return result;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, null, sql, read, parameters).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var items = new List<T>();
        while (await reader.ReadAsync().ConfigureAwait(false)) items.Add(read(reader));
        return items;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object?[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object?[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is T value ? value : default;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        return command;
    }

    // The checks in C# come first with better messages; these are the last line of defence.
    private static RegistryError? Refusal(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.ForeignKeyViolation => new(RegistryErrorCode.UnknownReference, $"A referenced row does not exist ({e.ConstraintName})."),
        PostgresErrorCodes.UniqueViolation => new(RegistryErrorCode.Conflict, $"It exists already ({e.ConstraintName})."),
        PostgresErrorCodes.CheckViolation => new(RegistryErrorCode.Invalid, $"A value is out of range ({e.ConstraintName})."),
        _ => null,
    };
}
