using System.Text.Json;

namespace Daarion.Adapters.Nats.Protocol;

// The CONNECT body. verbose and pedantic default to true on the server when omitted, so they are always sent.
internal sealed record ConnectCommand
{
    public bool Verbose { get; init; }

    public bool Pedantic { get; init; }

    public bool TlsRequired { get; init; }

    public string Name { get; init; } = "";

    public string Lang { get; init; } = "csharp";

    public string Version { get; init; } = "1.0";

    // 1: the client understands INFO sent at any time (cluster changes, lame duck mode).
    public int Protocol { get; init; } = 1;

    public bool Echo { get; init; } = true;

    public bool Headers { get; init; } = true;

    public bool NoResponders { get; init; } = true;

    public string? User { get; init; }

    public string? Pass { get; init; }

    public string? AuthToken { get; init; }

    // CONNECT plus the handshake PING whose PONG says the server accepted us.
    public byte[] Format() =>
        [.. "CONNECT "u8, .. JsonSerializer.SerializeToUtf8Bytes(this, ProtocolJsonContext.Default.ConnectCommand), .. "\r\nPING\r\n"u8];
}
