using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Daarion.Grains.Interfaces.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Daarion.Grains.Access;

/// <summary>
/// Writes queued decisions to pdp_decisions in batches (one binary COPY each), off the request path. A batch the
/// database refuses is retried, in order, until it is written; meanwhile the queue fills and the PEP fails closed.
/// On shutdown what is queued is written before the host stops.
/// </summary>
internal sealed class DecisionLogWriter(DecisionLog log, NpgsqlDataSource dataSource, IOptions<AccessOptions> options, ILogger<DecisionLogWriter> logger)
    : BackgroundService
{
    private const string Copy =
        "COPY pdp_decisions (decision_id, decided_at, subject_kind, subject_id, via, action, resource_type, resource_id, team_id, " +
        "allowed, summary, reasons, context, policy_version, cached) FROM STDIN (FORMAT BINARY)";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly List<DecisionLogEntry> _batch = [];

    // A cached decision is one object answered many times: its reasons are serialized once.
    private readonly ConditionalWeakTable<PolicyDecision, string> _reasons = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = log.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Fill(reader);
                await WriteUntilDoneAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is queued, once, without waiting for a database that is away.
            Fill(reader);
            while (_batch.Count > 0)
            {
                try
                {
                    await WriteAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (NpgsqlException e)
                {
                    Log.DecisionLogLost(logger, e, _batch.Count + reader.Count);
                    return;
                }
                Fill(reader);
            }
        }
    }

    private void Fill(ChannelReader<DecisionLogEntry> reader)
    {
        while (_batch.Count < options.Value.DecisionLogBatchSize && reader.TryRead(out var entry)) _batch.Add(entry);
    }

    private async Task WriteUntilDoneAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await WriteAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException e)
            {
                Log.DecisionLogWriteFailed(logger, e, _batch.Count);
                await Task.Delay(options.Value.DecisionLogRetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
            foreach (var entry in _batch) await WriteRowAsync(importer, entry, cancellationToken).ConfigureAwait(false);
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        _batch.Clear();
    }

    private async Task WriteRowAsync(NpgsqlBinaryImporter importer, DecisionLogEntry entry, CancellationToken cancellationToken)
    {
        var (request, decision) = (entry.Request, entry.Decision);
        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.DecisionId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.DecidedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(request.Subject.KindName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(request.Subject.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, request.Context.Via, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(request.Action, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(request.Resource.Type, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, request.Resource.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(importer, request.Resource.TeamId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(decision.Allowed, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(decision.Summary, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        var reasons = _reasons.GetValue(decision, d => JsonSerializer.Serialize(d.Reasons, Json));
        await importer.WriteAsync(reasons, NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(JsonSerializer.Serialize(Context(request.Context, request.Subject.Scopes), Json), NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(decision.PolicyVersion, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(entry.Cached, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, string> Context(PolicyContext context, string scopes)
    {
        var masked = SecretMasking.Apply(context.Attributes);
        if (scopes.Length > 0) masked["scopes"] = scopes;
        return masked;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
