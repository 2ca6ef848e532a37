using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Daarion.Hosting;
using Daarion.Testing;
using static Daarion.ApiHost.Tests.LedgerClient;

namespace Daarion.ApiHost.Tests;

public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task WithSmtpDelivery_TheCodeGoesToTheSmtpServer_AndThereIsNoDevelopmentMailbox()
    {
        var port = FreePort.Next();
        using var smtp = new DebuggingSmtpServer(port);
        var received = smtp.Received;
        await WaitUntilListeningAsync(port);
        await using var api = await ApiFactory.WithSharedServersAsync(new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:EnableSsl"] = "false",
        });
        var email = $"smtp.{Guid.NewGuid():N}@example.org";

        Expect(await new LedgerClient(api.CreateClient()).PostAsync("/v1/auth/email/send-otp", new { email }), 202);

        await Eventually.True(() => received.ToString().Contains("Your sign-in code is", StringComparison.Ordinal), because: received.ToString());
        Assert.Contains(email, received.ToString());
        await Problem(await new AccessWorld(api).Admin.GetAsync($"/v1/dev/mailbox?to={email}"), 404, "not-found");
    }

    private static async Task WaitUntilListeningAsync(int port) =>
        await Eventually.True(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });

    /// <summary>Python's debugging SMTP server: a real server that prints every message it receives; killed on dispose.</summary>
    private sealed class DebuggingSmtpServer : IDisposable
    {
        private readonly Process _process;

        public DebuggingSmtpServer(int port)
        {
            var start = new ProcessStartInfo("python3", ["-u", "-W", "ignore", "-m", "smtpd", "-n", "-c", "DebuggingServer", $"127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m smtpd did not start (the test needs python3 with its smtpd module).");
            _process.OutputDataReceived += (_, e) =>
            {
                lock (Received) Received.AppendLine(e.Data);
            };
            _process.BeginOutputReadLine();
        }

        public StringBuilder Received { get; } = new();

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
