using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Daarion.Adapters.Nats.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Daarion.Adapters.Nats;

/// <summary>
/// A connection to a NATS server or cluster: publish, subscribe, request/reply. Thread-safe. It keeps itself alive:
/// PINGs detect a dead server, a lost connection is re-established with backoff and jitter over the configured and
/// announced servers, subscriptions are restored, and publishes made meanwhile are buffered up to
/// <see cref="NatsOptions.ReconnectBufferSize"/>.
/// </summary>
public sealed class NatsConnection : IAsyncDisposable, IServerConnectionOwner
{
    private const int StackReplyToLimit = 256;
    private static readonly SearchValues<char> SubjectWhitespace = SearchValues.Create(" \t\r\n");

    private readonly NatsOptions _options;
    private readonly ILogger _logger;
    private readonly ServerPool _servers;
    private readonly OutboundBuffer _outbound;
    private readonly ConcurrentDictionary<long, ISubscriptionSink> _subscriptions = new();
    // Held while a subscription is added or removed and while a new socket gets the list to re-send, so that none is
    // missed or sent twice.
    private readonly Lock _subscriptionLock = new();
    private readonly ReplyInbox _inbox;
    private readonly CancellationTokenSource _closing = new();
    private ServerConnection? _current;
    private Task _supervisor = Task.CompletedTask;
    private NatsServerInfo _info = new();
    private Exception? _closeReason;
    private long _lastSid;
    private int _disposed;
    private volatile NatsConnectionState _state = NatsConnectionState.Connecting;

    private NatsConnection(NatsOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _servers = new ServerPool(options.Servers, randomize: !options.NoRandomize);
        _outbound = new OutboundBuffer(options.ReconnectBufferSize);
        _inbox = new ReplyInbox(Interlocked.Increment(ref _lastSid));
        _subscriptions[_inbox.Sid] = _inbox;
    }

    /// <summary>Raised on the connection's own loop (keep handlers short) when it connects, loses its server, or closes.</summary>
    public event EventHandler<NatsConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Raised on the thread pool when a subscription starts dropping messages.</summary>
    public event EventHandler<NatsSlowConsumerEventArgs>? SlowConsumerDetected;

    public NatsConnectionState State => _state;

    /// <summary>The latest INFO of the server connected to (or last connected to).</summary>
    public NatsServerInfo ServerInfo => Volatile.Read(ref _info);

    /// <summary>The server in use, or null while reconnecting or closed.</summary>
    public NatsServerAddress? ConnectedServer => _state == NatsConnectionState.Connected ? _current?.Address : null;

    /// <summary>Bytes published but not yet written to a socket (what a reconnect would send).</summary>
    public int PendingBytes => _outbound.BufferedBytes;

    /// <summary>
    /// Connects to the first server of the list that accepts us (one round over them); throws
    /// <see cref="NatsAuthorizationException"/> or <see cref="NatsConnectionException"/> for the last one's refusal.
    /// </summary>
    public static async Task<NatsConnection> ConnectAsync(NatsOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));

        var connection = new NatsConnection(options, logger ?? NullLogger.Instance);
        try
        {
            var session = await connection.ConnectRoundAsync(cancellationToken).ConfigureAwait(false);
            connection.Activate(session);
            connection._supervisor = connection.SuperviseAsync(session);
            return connection;
        }
        catch
        {
            connection._inbox.Dispose();
            connection._closing.Dispose();
            throw;
        }
    }

    /// <summary>A subject unique to this process, for a private subscription (e.g. a reply subject).</summary>
    public static string NewInbox() => "_INBOX." + Nuid.Next();

    /// <summary>
    /// Queues a message for the server. While connected this waits only if the socket is far behind; while
    /// reconnecting the message is buffered or, past the buffer's limit, refused with
    /// <see cref="NatsReconnectBufferFullException"/>. A message over the server's max_payload is refused with
    /// <see cref="NatsPayloadTooLargeException"/>.
    /// </summary>
    public ValueTask PublishAsync(
        string subject, ReadOnlyMemory<byte> data = default, NatsHeaders? headers = null, string? replyTo = null, CancellationToken cancellationToken = default)
    {
        if (!_outbound.HasRoom)
            return PublishWhenRoomAsync(subject, data, headers, replyTo, cancellationToken);
        try
        {
            Publish(subject, data.Span, headers, replyTo);
            return ValueTask.CompletedTask;
        }
        catch (Exception e)
        {
            return ValueTask.FromException(e);
        }
    }

    /// <summary>
    /// Publishes and waits for one reply, through a shared inbox subscription. No subscriber on the subject:
    /// <see cref="NatsNoRespondersException"/> at once; no reply in time: <see cref="NatsTimeoutException"/>.
    /// </summary>
    public async Task<NatsMsg> RequestAsync(
        string subject, ReadOnlyMemory<byte> data = default, NatsHeaders? headers = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? _options.RequestTimeout;
        var reply = new RequestReply(subject, this, wait);
        var id = await SendRequestAsync(subject, data, headers, reply, wait, cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (inbox, id, reply) = ((ReplyInbox, long, RequestReply))state!;
                if (inbox.TryForget(id))
                    reply.TrySetCanceled(token);
            },
            (_inbox, id, reply));
        return await reply.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Subscribes. As in every NATS client the SUB is not confirmed by the server: messages published from other
    /// connections are certain to arrive once a later <see cref="PingAsync"/> has returned.
    /// </summary>
    public ValueTask<NatsSubscription> SubscribeAsync(string subject, NatsSubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        ValidateSubject(subject, nameof(subject));
        if (options?.QueueGroup is { } queueGroup)
            ValidateSubject(queueGroup, nameof(options));
        if (options?.MaxMessages is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxMessages must be at least 1.");
        if (options?.Capacity is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Capacity must be at least 1.");
        cancellationToken.ThrowIfCancellationRequested();

        var sid = Interlocked.Increment(ref _lastSid);
        var subscription = new NatsSubscription(
            this, sid, subject, options?.QueueGroup, options?.Capacity ?? _options.SubscriptionCapacity, options?.MaxMessages);
        var command = new ArrayBufferWriter<byte>(64);
        Commands.Sub(command, sid, subject, options?.QueueGroup);
        if (options?.MaxMessages is { } max)
            Commands.Unsub(command, sid, max);
        lock (_subscriptionLock)
        {
            _subscriptions[sid] = subscription;
            _outbound.TryAppendIfConnected(new RawCommand(command.WrittenSpan));
        }
        return ValueTask.FromResult(subscription);
    }

    /// <summary>
    /// Sends a PING behind everything published so far and waits for the PONG: once it returns, the server has
    /// processed all of it. Returns the round-trip time.
    /// </summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var session = _state == NatsConnectionState.Connected ? _current : null;
        if (session is null)
            throw new NatsConnectionException("Not connected.");
        var started = Stopwatch.GetTimestamp();
        try
        {
            await session.PingAsync(cancellationToken).WaitAsync(_options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new NatsTimeoutException($"No PONG within {_options.RequestTimeout.TotalMilliseconds:0} ms.");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Flushes what was published (waiting up to the connect timeout), closes the socket, ends every subscription and
    /// fails requests still waiting.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (_state == NatsConnectionState.Connected)
        {
            try
            {
                using var flush = new CancellationTokenSource(_options.ConnectTimeout);
                await PingAsync(flush.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NatsException or OperationCanceledException)
            {
                // Closing anyway: what did not reach the server is lost, as it would be on a crash.
            }
        }
        await _closing.CancelAsync().ConfigureAwait(false);
        lock (_subscriptionLock)
            _current?.Abort();
        await _supervisor.ConfigureAwait(false);
        Close(null);
        _inbox.Dispose();
        _closing.Dispose();
    }

    // Publishes with the shared inbox as reply subject; the handler gets the reply, a timeout, or the close.
    internal async ValueTask<long> SendRequestAsync(
        string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers, IReplyHandler handler, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        var id = _inbox.Register(handler, timeout);
        try
        {
            PublishToInbox(subject, data.Span, headers, id);
        }
        catch
        {
            _inbox.TryForget(id);
            throw;
        }
        return id;
    }

    internal void Unsubscribe(ISubscriptionSink sink, long? maxMessages, bool sendUnsub = true)
    {
        var command = new ArrayBufferWriter<byte>(32);
        Commands.Unsub(command, sink.Sid, maxMessages);
        lock (_subscriptionLock)
        {
            if (maxMessages is null && !_subscriptions.TryRemove(sink.Sid, out _))
                return;
            if (sendUnsub)
                _outbound.TryAppendIfConnected(new RawCommand(command.WrittenSpan));
        }
    }

    internal void OnSlowConsumer(NatsSubscription subscription)
    {
        Log.SlowConsumer(_logger, subscription.Subject);
        if (SlowConsumerDetected is not { } handler)
            return;
        // Never run user code on the socket reader.
        ThreadPool.UnsafeQueueUserWorkItem(
            state => Raise(nameof(SlowConsumerDetected), () => state.handler(this, new NatsSlowConsumerEventArgs(state.subscription))),
            (handler, subscription),
            preferLocal: false);
    }

    void IServerConnectionOwner.OnMessage(in RawMessage message)
    {
        if (_subscriptions.TryGetValue(message.Sid, out var sink))
            sink.Deliver(message);
    }

    void IServerConnectionOwner.OnInfo(ServerConnection connection, NatsServerInfo info)
    {
        Volatile.Write(ref _info, info);
        LearnServers(connection.Address, info);
        if (info.LameDuckMode)
            Log.LameDuckMode(_logger, connection.Address);
    }

    void IServerConnectionOwner.OnServerError(ServerConnection connection, string error) =>
        Log.ServerError(_logger, connection.Address, error);

    private async ValueTask PublishWhenRoomAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers, string? replyTo, CancellationToken cancellationToken)
    {
        await WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        Publish(subject, data.Span, headers, replyTo);
    }

    private async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (!_outbound.HasRoom)
        {
            ThrowIfClosed();
            await _outbound.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Publish(string subject, ReadOnlySpan<byte> data, NatsHeaders? headers, string? replyTo)
    {
        ThrowIfClosed();
        ValidateSubject(subject, nameof(subject));
        if (replyTo is null)
        {
            Append(new PublishCommand(subject, [], headers, data));
            return;
        }
        ValidateSubject(replyTo, nameof(replyTo));
        var length = Encoding.UTF8.GetByteCount(replyTo);
        Span<byte> reply = length <= StackReplyToLimit ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(replyTo, reply);
        Append(new PublishCommand(subject, reply, headers, data));
    }

    private void PublishToInbox(string subject, ReadOnlySpan<byte> data, NatsHeaders? headers, long replyId)
    {
        ThrowIfClosed();
        ValidateSubject(subject, nameof(subject));
        Span<byte> reply = stackalloc byte[_inbox.MaxReplyToLength];
        var length = _inbox.FormatReplyTo(replyId, reply);
        Append(new PublishCommand(subject, reply[..length], headers, data));
    }

    private void Append(scoped in PublishCommand command)
    {
        // The server would answer an oversized message by closing the connection, losing everything queued behind it.
        var maxPayload = Volatile.Read(ref _info).MaxPayload;
        if (maxPayload > 0 && command.MessageSize > maxPayload)
            throw new NatsPayloadTooLargeException(command.MessageSize, maxPayload);
        _outbound.Append(command);
    }

    // One round over the servers; the last refusal is thrown if none accepts us.
    private async Task<ServerConnection> ConnectRoundAsync(CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var server in _servers.Snapshot())
        {
            try
            {
                var session = await ServerConnection.OpenAsync(server, this, ConnectCommandFor(server), _options.ConnectTimeout, cancellationToken)
                    .ConfigureAwait(false);
                _servers.MarkConnected(server);
                return session;
            }
            catch (NatsException e)
            {
                Log.ConnectFailed(_logger, e.Message);
                last = e;
            }
        }
        throw last ?? new NatsConnectionException("No server to connect to.");
    }

    private byte[] ConnectCommandFor(NatsServerAddress server)
    {
        var (user, password, token) = server.User is not null || server.Token is not null
            ? (server.User, server.Password, server.Token)
            : (_options.User, _options.Password, _options.Token);
        return new ConnectCommand
        {
            Name = _options.Name,
            Echo = _options.Echo,
            User = user,
            Pass = password,
            AuthToken = token,
        }.Format();
    }

    // The socket is ready: re-send every subscription ahead of what was buffered, then let the writer run.
    private void Activate(ServerConnection session)
    {
        var preamble = new ArrayBufferWriter<byte>();
        lock (_subscriptionLock)
        {
            if (_closing.IsCancellationRequested)
            {
                session.Abort();
                return;
            }
            foreach (var sink in _subscriptions.Values.OrderBy(s => s.Sid))
            {
                Commands.Sub(preamble, sink.Sid, sink.Subject, sink.QueueGroup);
                if (sink.Remaining is { } remaining)
                    Commands.Unsub(preamble, sink.Sid, remaining);
            }
            _current = session;
            session.Attach(_outbound, preamble.WrittenSpan, _options.PingInterval, _options.MaxPingsOutstanding);
        }
        var info = session.Info;
        Volatile.Write(ref _info, info);
        LearnServers(session.Address, info);
        Log.Connected(_logger, session.Address, info.ServerName, info.Version, info.JetStream);
        SetState(NatsConnectionState.Connected, session.Address, null);
    }

    // Waits for the socket to fail, then reconnects; ends when disposed or out of attempts.
    private async Task SuperviseAsync(ServerConnection session)
    {
        while (true)
        {
            var failure = await session.WaitForFailureAsync().ConfigureAwait(false);
            _outbound.Detach();
            await session.DisposeAsync().ConfigureAwait(false);
            if (_closing.IsCancellationRequested)
                return;

            Log.Disconnected(_logger, session.Address, failure.Message);
            SetState(NatsConnectionState.Reconnecting, session.Address, failure);
            try
            {
                session = await ReconnectAsync(_closing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_closing.IsCancellationRequested)
            {
                return;
            }
            catch (NatsException e)
            {
                Log.GaveUp(_logger, _options.MaxReconnectAttempts);
                Close(new NatsConnectionException("Gave up reconnecting; the connection is closed.", e));
                return;
            }
            Activate(session);
        }
    }

    private async Task<ServerConnection> ReconnectAsync(CancellationToken cancellationToken)
    {
        if (_options.MaxReconnectAttempts == 0)
            throw new NatsConnectionException("Reconnecting is disabled (MaxReconnectAttempts = 0).");
        for (var round = 1; ; round++)
        {
            try
            {
                return await ConnectRoundAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NatsException) when (_options.MaxReconnectAttempts < 0 || round < _options.MaxReconnectAttempts)
            {
                var delay = ReconnectBackoff.Delay(round, _options.ReconnectWait, _options.MaxReconnectWait, _options.ReconnectJitter, Random.Shared.NextDouble());
                Log.ReconnectDelay(_logger, round, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void LearnServers(NatsServerAddress from, NatsServerInfo info)
    {
        if (info.ConnectUrls is not { Count: > 0 } urls)
            return;
        var added = _servers.AddDiscovered(urls);
        if (added.Count > 0)
            Log.ServersDiscovered(_logger, added.Count, from, string.Join(", ", added));
    }

    // Ends everything for good; error is null after an orderly dispose.
    private void Close(Exception? error)
    {
        lock (_subscriptionLock)
        {
            if (_state == NatsConnectionState.Closed)
                return;
            _closeReason = error;
            _state = NatsConnectionState.Closed;
        }
        foreach (var sink in _subscriptions.Values)
            sink.Complete(error);
        _subscriptions.Clear();
        SetState(NatsConnectionState.Closed, null, error);
    }

    private void SetState(NatsConnectionState state, NatsServerAddress? server, Exception? error)
    {
        _state = state;
        if (StateChanged is { } handler)
            Raise(nameof(StateChanged), () => handler(this, new NatsConnectionStateChangedEventArgs(state, server, error)));
    }

    private void Raise(string name, Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception e)
        {
            Log.EventHandlerFailed(_logger, name, e);
        }
    }

    private void ThrowIfClosed()
    {
        if (_state != NatsConnectionState.Closed)
            return;
        if (_closeReason is null)
            throw new ObjectDisposedException(nameof(NatsConnection));
        throw new NatsConnectionException("The connection is closed.", _closeReason);
    }

    private static void ValidateSubject(string subject, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject, parameter);
        if (subject.AsSpan().ContainsAny(SubjectWhitespace))
            throw new ArgumentException($"'{subject}' contains whitespace, which NATS subjects cannot.", parameter);
    }
}
