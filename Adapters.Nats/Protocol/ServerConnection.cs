using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text.Json;

namespace Daarion.Adapters.Nats.Protocol;

// One TCP connection to one server: reads and dispatches what the server sends, drains the shared outbound buffer
// into the socket, and sends keepalive PINGs. It ends at its first failure (reported by WaitForFailureAsync); the
// NatsConnection then reconnects with a new one. Nothing here blocks the reader: messages are handed to their
// subscriptions without waiting.
internal sealed class ServerConnection : IProtocolHandler, IAsyncDisposable
{
    private const int ReadBufferSize = 64 * 1024;

    private static ReadOnlySpan<byte> Ping => "PING\r\n"u8;
    private static ReadOnlySpan<byte> Pong => "PONG\r\n"u8;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly IServerConnectionOwner _owner;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<NatsServerInfo> _firstInfo = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Guards the PONG waiters, the PONGs owed from the handshake and the start of the writer, so that each PONG is
    // matched with the PING it answers, in order.
    private readonly Lock _pingLock = new();
    private readonly Queue<TaskCompletionSource?> _pongWaiters = new();
    private readonly Task _reading;
    private OutboundBuffer? _outbound;
    private Task _writing = Task.CompletedTask;
    private Task _keepalive = Task.CompletedTask;
    private int _pongsOwed;
    private int _pingsOutstanding;

    private ServerConnection(NatsServerAddress address, Socket socket, IServerConnectionOwner owner)
    {
        Address = address;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _owner = owner;
        _reading = ReadLoopAsync();
    }

    public NatsServerAddress Address { get; }

    public NatsServerInfo Info { get; private set; } = new();

    /// <summary>
    /// Connects, reads INFO, sends <paramref name="connectCommand"/> (CONNECT and a PING), and returns once the PONG says
    /// the server accepted us. The writer does not run yet: see <see cref="Attach"/>.
    /// </summary>
    public static async Task<ServerConnection> OpenAsync(
        NatsServerAddress address, IServerConnectionOwner owner, byte[] connectCommand, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            socket.Dispose();
            throw Explain(e, address, timeout, cancellationToken);
        }

        var connection = new ServerConnection(address, socket, owner);
        try
        {
            var info = await connection._firstInfo.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            if (info.TlsRequired)
                throw new NatsConnectionException($"{address} requires TLS, which this client does not speak.");
            var handshake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (connection._pingLock)
                connection._pongWaiters.Enqueue(handshake);
            await connection._stream.WriteAsync(connectCommand, deadline.Token).ConfigureAwait(false);
            await handshake.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e)
        {
            var cause = connection._failed.Task.IsCompleted ? await connection._failed.Task.ConfigureAwait(false) : e;
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Explain(cause, address, timeout, cancellationToken);
        }
    }

    /// <summary>
    /// Starts sending: the outbound buffer gets <paramref name="preamble"/> (re-subscriptions) and any PONG owed since
    /// the handshake in front of what was buffered, then the writer and the keepalive start.
    /// </summary>
    public void Attach(OutboundBuffer outbound, ReadOnlySpan<byte> preamble, TimeSpan pingInterval, int maxPingsOutstanding)
    {
        lock (_pingLock)
        {
            if (_failed.Task.IsCompleted)
                return;
            var owed = new byte[Pong.Length * _pongsOwed + preamble.Length];
            for (var i = 0; i < _pongsOwed; i++)
                Pong.CopyTo(owed.AsSpan(i * Pong.Length));
            preamble.CopyTo(owed.AsSpan(Pong.Length * _pongsOwed));
            _pongsOwed = 0;
            _outbound = outbound;
            outbound.Attach(owed);
            _writing = WriteLoopAsync(outbound);
            _keepalive = KeepaliveLoopAsync(outbound, pingInterval, maxPingsOutstanding);
        }
    }

    /// <summary>Completes when the server has answered a PING sent behind everything queued so far.</summary>
    public Task PingAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pingLock)
        {
            if (_outbound is null || !_outbound.TryAppendIfConnected(new RawCommand(Ping)))
                throw new NatsConnectionException("Not connected.");
            _pongWaiters.Enqueue(waiter);
        }
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The first failure, once every loop of this connection has stopped.</summary>
    public async Task<Exception> WaitForFailureAsync()
    {
        var failure = await _failed.Task.ConfigureAwait(false);
        Task[] loops;
        lock (_pingLock)
            loops = [_reading, _writing, _keepalive];
        await Task.WhenAll(loops).ConfigureAwait(false);
        return failure;
    }

    /// <summary>Closes the socket; <see cref="WaitForFailureAsync"/> then completes.</summary>
    public void Abort() => Fail(new NatsConnectionException("The connection was closed."));

    public async ValueTask DisposeAsync()
    {
        Abort();
        await WaitForFailureAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    void IProtocolHandler.OnMessage(in RawMessage message) => _owner.OnMessage(message);

    void IProtocolHandler.OnPing()
    {
        lock (_pingLock)
        {
            // Before the writer runs (the server PINGs right after CONNECT), the PONG goes out first thing with it.
            if (_outbound is null || !_outbound.TryAppendIfConnected(new RawCommand(Pong)))
                _pongsOwed++;
        }
    }

    void IProtocolHandler.OnPong()
    {
        TaskCompletionSource? waiter;
        lock (_pingLock)
        {
            _pingsOutstanding = 0;
            _pongWaiters.TryDequeue(out waiter);
        }
        waiter?.TrySetResult();
    }

    void IProtocolHandler.OnError(string message)
    {
        if (message.StartsWith("Permissions Violation", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Invalid Subject", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("Invalid Publish Subject", StringComparison.OrdinalIgnoreCase))
        {
            // The server keeps the connection after these.
            _owner.OnServerError(this, message);
            return;
        }
        Fail(message.Contains("Authorization", StringComparison.OrdinalIgnoreCase) || message.Contains("Authentication", StringComparison.OrdinalIgnoreCase)
            ? new NatsAuthorizationException($"{Address} refused the connection: {message}.")
            : new NatsConnectionException($"{Address} closed the connection: {message}."));
    }

    void IProtocolHandler.OnInfo(ReadOnlySpan<byte> json)
    {
        var info = JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.NatsServerInfo)
            ?? throw new NatsProtocolException("The server sent an empty INFO.");
        Info = info;
        if (!_firstInfo.TrySetResult(info))
            _owner.OnInfo(this, info);
    }

    private async Task ReadLoopAsync()
    {
        // Let the constructor return before the first read completes synchronously.
        await Task.Yield();
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: ReadBufferSize, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                ProtocolParser.ParseAll(ref buffer, this);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                    throw new NatsConnectionException($"{Address} closed the connection.");
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync(OutboundBuffer outbound)
    {
        try
        {
            while (true)
            {
                var chunk = await outbound.TakeAsync(_stop.Token).ConfigureAwait(false);
                try
                {
                    await _stream.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    outbound.Release();
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private async Task KeepaliveLoopAsync(OutboundBuffer outbound, TimeSpan interval, int maxOutstanding)
    {
        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                lock (_pingLock)
                {
                    if (_pingsOutstanding >= maxOutstanding)
                        throw new NatsConnectionException($"Stale connection to {Address}: {_pingsOutstanding} PINGs without a PONG.");
                    if (outbound.TryAppendIfConnected(new RawCommand(Ping)))
                    {
                        _pingsOutstanding++;
                        _pongWaiters.Enqueue(null);
                    }
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    // The first failure wins; it stops every loop (closing the socket wakes a pending read or write) and fails the
    // PONG waiters.
    private void Fail(Exception failure)
    {
        if (!_failed.TrySetResult(failure))
            return;
        _stop.Cancel();
        _socket.Close();
        TaskCompletionSource?[] waiters;
        lock (_pingLock)
        {
            waiters = [.. _pongWaiters];
            _pongWaiters.Clear();
        }
        var lost = failure as NatsException ?? new NatsConnectionException($"Lost the connection to {Address}.", failure);
        foreach (var waiter in waiters)
            waiter?.TrySetException(lost);
        _firstInfo.TrySetException(lost);
    }

    private static Exception Explain(Exception e, NatsServerAddress address, TimeSpan timeout, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => e,
        OperationCanceledException or TimeoutException => new NatsConnectionException($"{address} did not complete the handshake within {timeout.TotalMilliseconds:0} ms."),
        NatsException => e,
        _ => new NatsConnectionException($"Could not connect to {address}: {e.Message}", e),
    };

}
