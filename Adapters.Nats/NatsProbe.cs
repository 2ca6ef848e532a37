using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats;

/// <summary>
/// Checks that a NATS server accepts us: reads its INFO, sends CONNECT (with the address's credentials) and PING,
/// and expects PONG. An authorization failure or no answer means not reachable.
/// </summary>
public static class NatsProbe
{
    public static async Task<NatsProbeResult> CheckAsync(NatsServerAddress address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(address.Host, address.Port, deadline.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);

            var info = await reader.ReadLineAsync(deadline.Token);
            if (info is null || !info.StartsWith("INFO ", StringComparison.Ordinal)) return NatsProbeResult.Failed("the server did not send INFO");
            var jetStream = JsonDocument.Parse(info[5..]).RootElement.TryGetProperty("jetstream", out var js) && js.GetBoolean();

            var connect = new ConnectCommand { Name = "daarion-probe", User = address.User, Pass = address.Password, AuthToken = address.Token };
            await stream.WriteAsync(connect.Format(), deadline.Token);

            var reply = await reader.ReadLineAsync(deadline.Token);
            return reply switch
            {
                "PONG" => NatsProbeResult.Ok(jetStream),
                null => NatsProbeResult.Failed("the server closed the connection"),
                _ when reply.StartsWith("-ERR", StringComparison.Ordinal) => NatsProbeResult.Failed($"the server refused: {reply[4..].Trim()}"),
                _ => NatsProbeResult.Failed($"unexpected reply '{reply}'"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NatsProbeResult.Failed($"no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is SocketException or IOException or JsonException)
        {
            return NatsProbeResult.Failed(e.Message);
        }
    }
}
