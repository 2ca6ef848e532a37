using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Daarion.Adapters.Evm.Tests.Rpc;

/// <summary>
/// A loopback HTTP endpoint that answers each JSON-RPC request as the test scripts it, for failures a real node
/// will not produce on demand: HTTP errors, garbage, wrong ids, silence. A null answer keeps the connection open
/// without replying (a hung node).
/// </summary>
public sealed class ScriptedNode : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<JsonElement, (int Status, string Body)?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;

    public ScriptedNode(Func<JsonElement, (int Status, string Body)?> answer)
    {
        _answer = answer;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v3/secret-api-key");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>A JSON-RPC answer with the request's id and this result (raw JSON).</summary>
    public static (int, string) Result(JsonElement request, string resultJson) =>
        (200, $$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"result":{{resultJson}}}""");

    /// <summary>A JSON-RPC error answer with the request's id.</summary>
    public static (int, string) Error(JsonElement request, string errorJson) =>
        (200, $$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"error":{{errorJson}}}""");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
                client.Dispose();
        }
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_clients)
                _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        while (!_stop.IsCancellationRequested)
        {
            var contentLength = 0;
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(_stop.Token)))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    contentLength = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            if (line is null)
                return;
            var body = new char[contentLength];
            await reader.ReadBlockAsync(body, _stop.Token);
            using var request = JsonDocument.Parse(new string(body));
            if (_answer(request.RootElement) is not { } answer)
                return;
            var payload = Encoding.UTF8.GetBytes(answer.Body);
            var head = $"HTTP/1.1 {answer.Status} Scripted\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\n\r\n";
            // One write: a head and body in two small segments would wait on Nagle and delayed ACKs.
            await stream.WriteAsync((byte[])[.. Encoding.ASCII.GetBytes(head), .. payload], _stop.Token);
        }
    }
}
