using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Daarion.Adapters.Nats.JetStream.Api;

namespace Daarion.Adapters.Nats.JetStream;

/// <summary>
/// JetStream over a <see cref="NatsConnection"/>: streams and consumers through the $JS.API subjects, publishing with
/// acks (one at a time, or pipelined with <see cref="CreatePublisher"/>), and pull consumers. Errors of the API come as
/// <see cref="JetStreamApiException"/> with the server's error code. Thread-safe.
/// </summary>
public sealed class JetStreamContext
{
    private readonly NatsConnection _connection;

    public JetStreamContext(NatsConnection connection, JetStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new JetStreamOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        _connection = connection;
        Options = options;
    }

    public JetStreamOptions Options { get; }

    internal NatsConnection Connection => _connection;

    public Task<StreamInfo> CreateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default) =>
        StreamRequestAsync("CREATE", config, cancellationToken);

    public Task<StreamInfo> UpdateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default) =>
        StreamRequestAsync("UPDATE", config, cancellationToken);

    /// <summary>
    /// Creates the stream, or brings an existing one to this configuration. Succeeds without change when it already
    /// matches, so it can run at every start; a change the server does not allow (storage type…) fails.
    /// </summary>
    public async Task<StreamInfo> CreateOrUpdateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNameExists)
        {
            return await UpdateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<StreamInfo> GetStreamInfoAsync(string stream, CancellationToken cancellationToken = default) =>
        ApiAsync($"STREAM.INFO.{Name(stream)}", [], JetStreamJsonContext.Default.StreamInfo, cancellationToken);

    public async Task<bool> DeleteStreamAsync(string stream, CancellationToken cancellationToken = default) =>
        (await ApiAsync($"STREAM.DELETE.{Name(stream)}", [], JetStreamJsonContext.Default.DeleteResponse, cancellationToken).ConfigureAwait(false)).Success;

    /// <summary>The stored message with this sequence; a missing one fails with <see cref="JetStreamErrorCode.NoMessageFound"/>.</summary>
    public Task<StoredMessage> GetMessageAsync(string stream, ulong sequence, CancellationToken cancellationToken = default) =>
        GetMessageAsync(stream, new MessageGetRequest(sequence, null), cancellationToken);

    /// <summary>The last stored message on a subject; none fails with <see cref="JetStreamErrorCode.NoMessageFound"/>.</summary>
    public Task<StoredMessage> GetLastMessageAsync(string stream, string subject, CancellationToken cancellationToken = default) =>
        GetMessageAsync(stream, new MessageGetRequest(null, subject), cancellationToken);

    /// <summary>
    /// Creates the consumer, or updates it (nats-server 2.9 treats both alike: an identical configuration is a no-op, an
    /// allowed change is applied, a forbidden one fails). With a durable name it is durable, otherwise ephemeral.
    /// </summary>
    public Task<ConsumerInfo> CreateOrUpdateConsumerAsync(string stream, ConsumerConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var subject = config.DurableName is { } durable
            ? $"CONSUMER.DURABLE.CREATE.{Name(stream)}.{Name(durable)}"
            : $"CONSUMER.CREATE.{Name(stream)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(new ConsumerCreateRequest(stream, config), JetStreamJsonContext.Default.ConsumerCreateRequest);
        return ApiAsync(subject, body, JetStreamJsonContext.Default.ConsumerInfo, cancellationToken);
    }

    public Task<ConsumerInfo> GetConsumerInfoAsync(string stream, string consumer, CancellationToken cancellationToken = default) =>
        ApiAsync($"CONSUMER.INFO.{Name(stream)}.{Name(consumer)}", [], JetStreamJsonContext.Default.ConsumerInfo, cancellationToken);

    public async Task<bool> DeleteConsumerAsync(string stream, string consumer, CancellationToken cancellationToken = default) =>
        (await ApiAsync($"CONSUMER.DELETE.{Name(stream)}.{Name(consumer)}", [], JetStreamJsonContext.Default.DeleteResponse, cancellationToken)
            .ConfigureAwait(false)).Success;

    /// <summary>A handle to fetch from an existing pull consumer (no server call).</summary>
    public JetStreamConsumer GetConsumer(string stream, string consumer) => new(this, Name(stream), Name(consumer));

    /// <summary>
    /// Publishes and waits for the stream's ack: one round trip per message. For throughput use
    /// <see cref="CreatePublisher"/>. Failures as for <see cref="JetStreamPublisher.PublishAsync"/>.
    /// </summary>
    public async Task<PubAck> PublishAsync(
        string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers = null, JetStreamPublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ack = new PubAckReply(subject, Options.RequestTimeout, window: null);
        await SendPublishAsync(subject, data, headers, options, ack, cancellationToken).ConfigureAwait(false);
        return await ack.Task.ConfigureAwait(false);
    }

    /// <summary>A pipelined publisher with at most <paramref name="maxInFlight"/> unacknowledged publishes.</summary>
    public JetStreamPublisher CreatePublisher(int maxInFlight = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        return new JetStreamPublisher(this, maxInFlight);
    }

    internal async ValueTask SendPublishAsync(
        string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers, JetStreamPublishOptions? options, PubAckReply ack, CancellationToken cancellationToken)
    {
        var withOptions = options is null ? headers : options.ApplyTo(headers);
        await _connection.SendRequestAsync(subject, data, withOptions, ack, Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    internal string ApiSubject(string operation) => $"{Options.ApiPrefix}.{operation}";

    private Task<StreamInfo> StreamRequestAsync(string operation, StreamConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var body = JsonSerializer.SerializeToUtf8Bytes(config, JetStreamJsonContext.Default.StreamConfig);
        return ApiAsync($"STREAM.{operation}.{Name(config.Name)}", body, JetStreamJsonContext.Default.StreamInfo, cancellationToken);
    }

    private async Task<StoredMessage> GetMessageAsync(string stream, MessageGetRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, JetStreamJsonContext.Default.MessageGetRequest);
        var stored = (await ApiAsync($"STREAM.MSG.GET.{Name(stream)}", body, JetStreamJsonContext.Default.MessageGetResponse, cancellationToken)
            .ConfigureAwait(false)).Message;
        var headers = stored.Hdrs is { Length: > 0 } block ? NatsHeaders.Parse(new(block)) : null;
        return new StoredMessage(stored.Subject, stored.Seq, headers, stored.Data ?? [], stored.Time);
    }

    private async Task<T> ApiAsync<T>(string operation, byte[] body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var reply = await _connection.RequestAsync(ApiSubject(operation), body, timeout: Options.RequestTimeout, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        try
        {
            if (JsonSerializer.Deserialize(reply.Data.Span, JetStreamJsonContext.Default.ApiResponse)?.Error is { } error)
                throw error.ToException();
            return JsonSerializer.Deserialize(reply.Data.Span, type)
                ?? throw new NatsProtocolException($"Empty answer from {ApiSubject(operation)}.");
        }
        catch (JsonException e)
        {
            throw new NatsProtocolException($"Unreadable answer from {ApiSubject(operation)}: {e.Message}");
        }
    }

    // Stream and consumer names become subject tokens: no dots, wildcards or whitespace.
    private static string Name(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.AsSpan().IndexOfAny(". *>\t\r\n/\\") >= 0)
            throw new ArgumentException($"'{name}' is not a valid stream or consumer name (no '.', '*', '>', '/', '\\' or whitespace).", nameof(name));
        return name;
    }
}
