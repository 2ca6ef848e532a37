using Npgsql;

namespace Daarion.ApiHost.Mail;

/// <summary>Development delivery: mail is kept in dev_mailbox, where GET /v1/dev/mailbox reads it.</summary>
internal sealed class DevMailbox(NpgsqlDataSource dataSource) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO dev_mailbox (recipient, subject, body) VALUES ($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = mail.To });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = mail.Body });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest mails to <paramref name="recipient"/>, newest first.</summary>
    public async Task<IReadOnlyList<DevMail>> ReadAsync(string recipient, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT message_id, recipient, subject, body, created_at FROM dev_mailbox WHERE recipient = $1 ORDER BY message_id DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = recipient });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mails = new List<DevMail>();
        while (await reader.ReadAsync(cancellationToken)) mails.Add(new DevMail(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return mails;
    }
}
