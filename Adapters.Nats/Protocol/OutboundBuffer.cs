namespace Daarion.Adapters.Nats.Protocol;

// Commands from any thread are appended here under a short lock; one writer loop per live socket takes everything
// appended so far in one piece and sends it (double buffering), so concurrent publishers are batched into few
// syscalls. While disconnected the buffer keeps what is published, up to the reconnect limit, and it is sent after
// the next handshake, behind the re-subscriptions.
internal sealed class OutboundBuffer(int reconnectLimit)
{
    private const int InitialCapacity = 64 * 1024;

    // While connected, publishers wait once this much is queued for the socket, so memory stays bounded when they
    // produce faster than the network takes it.
    internal const int SoftLimit = 4 * 1024 * 1024;

    private readonly Lock _lock = new();
    private byte[] _filling = new byte[InitialCapacity];
    private byte[] _spare = new byte[InitialCapacity];
    private int _filled;
    private int _sending;
    private bool _connected;
    private TaskCompletionSource? _dataWaiter;
    private TaskCompletionSource? _roomWaiter;

    public int BufferedBytes
    {
        get
        {
            lock (_lock)
                return _filled + _sending;
        }
    }

    // Disconnected publishers never wait: they are buffered or fail at once.
    public bool HasRoom
    {
        get
        {
            lock (_lock)
                return !_connected || _filled + _sending < SoftLimit;
        }
    }

    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_connected || _filled + _sending < SoftLimit)
                return Task.CompletedTask;
            _roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _roomWaiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Appends a publish; while disconnected, throws when it would exceed the reconnect limit.</summary>
    public void Append<T>(scoped in T command)
        where T : IOutboundCommand, allows ref struct
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            if (!_connected && _filled + command.Length > reconnectLimit)
                throw new NatsReconnectBufferFullException(_filled, reconnectLimit);
            wake = Write(command);
        }
        wake?.TrySetResult();
    }

    /// <summary>Appends a protocol command only while connected (subscriptions are re-sent on reconnect anyway).</summary>
    public bool TryAppendIfConnected<T>(scoped in T command)
        where T : IOutboundCommand, allows ref struct
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            if (!_connected)
                return false;
            wake = Write(command);
        }
        wake?.TrySetResult();
        return true;
    }

    /// <summary>A socket is ready: <paramref name="preamble"/> goes out first, then everything buffered meanwhile.</summary>
    public void Attach(ReadOnlySpan<byte> preamble)
    {
        TaskCompletionSource? wake;
        lock (_lock)
        {
            if (preamble.Length > 0)
            {
                var combined = new byte[Math.Max(InitialCapacity, preamble.Length + _filled)];
                preamble.CopyTo(combined);
                _filling.AsSpan(0, _filled).CopyTo(combined.AsSpan(preamble.Length));
                _filling = combined;
                _filled += preamble.Length;
            }
            _connected = true;
            wake = null;
            if (_filled > 0)
                (wake, _dataWaiter) = (_dataWaiter, null);
        }
        wake?.TrySetResult();
    }

    /// <summary>The socket is gone (its writer has stopped): buffer from now on, and release waiting publishers.</summary>
    public void Detach()
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _connected = false;
            _sending = 0;
            (room, _roomWaiter) = (_roomWaiter, null);
        }
        room?.TrySetResult();
    }

    /// <summary>Waits for data and takes all of it; the caller sends it, then calls <see cref="Release"/>.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_filled > 0)
                {
                    var chunk = _filling.AsMemory(0, _filled);
                    (_filling, _spare) = (_spare, _filling);
                    _sending = _filled;
                    _filled = 0;
                    return chunk;
                }
                _dataWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _dataWaiter.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The taken chunk was sent (or lost with its socket); its space is free again.</summary>
    public void Release()
    {
        TaskCompletionSource? room;
        lock (_lock)
        {
            _sending = 0;
            (room, _roomWaiter) = (_roomWaiter, null);
        }
        room?.TrySetResult();
    }

    private TaskCompletionSource? Write<T>(scoped in T command)
        where T : IOutboundCommand, allows ref struct
    {
        var length = command.Length;
        if (_filling.Length - _filled < length)
        {
            var larger = new byte[Math.Max(_filling.Length * 2, _filled + length)];
            _filling.AsSpan(0, _filled).CopyTo(larger);
            _filling = larger;
        }
        command.WriteTo(_filling.AsSpan(_filled, length));
        _filled += length;
        var wake = _dataWaiter;
        _dataWaiter = null;
        return wake;
    }
}
