using System.Buffers;
using System.Text;
using Daarion.Adapters.Nats.Protocol;

namespace Daarion.Adapters.Nats.Tests;

public sealed class ProtocolParserTests
{
    private const string Stream =
        "INFO {\"server_id\":\"S1\",\"max_payload\":1048576,\"headers\":true}\r\n" +
        "PING\r\n" +
        "MSG orders.created 7 5\r\nhello\r\n" +
        "msg\torders.created\t7\t_INBOX.abc.9\t0\r\n\r\n" +
        "HMSG orders.paid 8 reply.to 24 29\r\nNATS/1.0\r\nA: b\r\nC: d\r\n\r\nworld\r\n" +
        "HMSG _INBOX.x.1 2 16 16\r\nNATS/1.0 503\r\n\r\n\r\n" +
        "+OK\r\n" +
        "-ERR 'Permissions Violation for Publish to \"x\"'\r\n" +
        "PONG\r\n";

    private static readonly string[] Expected =
    [
        "INFO {\"server_id\":\"S1\",\"max_payload\":1048576,\"headers\":true}",
        "PING",
        "MSG orders.created sid=7 reply= headers= payload=hello status=0",
        "MSG orders.created sid=7 reply=_INBOX.abc.9 headers= payload= status=0",
        "MSG orders.paid sid=8 reply=reply.to headers=NATS/1.0|A: b|C: d|| payload=world status=0",
        "MSG _INBOX.x.1 sid=2 reply= headers=NATS/1.0 503|| payload= status=503",
        "ERR Permissions Violation for Publish to \"x\"",
        "PONG",
    ];

    [Fact]
    public void ParseAll_InOneSegment_DispatchesEveryOperation()
    {
        var handler = new RecordingHandler();
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Stream));

        ProtocolParser.ParseAll(ref buffer, handler);

        Assert.Equal(Expected, handler.Operations);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void ParseAll_SplitIntoTwoSegmentsAtEveryPosition_DispatchesTheSame()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        for (var split = 1; split < bytes.Length; split++)
        {
            var handler = new RecordingHandler();
            var buffer = Segments.Create(bytes[..split], bytes[split..]);

            ProtocolParser.ParseAll(ref buffer, handler);

            Assert.Equal(Expected, handler.Operations);
            Assert.True(buffer.IsEmpty, $"split at {split}");
        }
    }

    [Fact]
    public void ParseAll_FedOneByteAtATime_WaitsForCompleteOperations()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        var handler = new RecordingHandler();
        var pending = new List<byte>();
        foreach (var b in bytes)
        {
            pending.Add(b);
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            ProtocolParser.ParseAll(ref buffer, handler);
            pending = [.. buffer.ToArray()];
        }

        Assert.Equal(Expected, handler.Operations);
        Assert.Empty(pending);
    }

    [Fact]
    public void ParseAll_WithAnIncompletePayload_LeavesTheMessageInTheBuffer()
    {
        var handler = new RecordingHandler();
        var buffer = new ReadOnlySequence<byte>("PING\r\nMSG a 1 10\r\n01234"u8.ToArray());

        ProtocolParser.ParseAll(ref buffer, handler);

        Assert.Equal(["PING"], handler.Operations);
        Assert.Equal("MSG a 1 10\r\n01234", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Theory]
    [InlineData("BOGUS 1\r\n")]
    [InlineData("MSG a b 5\r\nhello\r\n")]
    [InlineData("MSG a 1\r\n")]
    [InlineData("HMSG a 1 10 5\r\n0123456789\r\n")]
    public void ParseAll_WithMalformedInput_ThrowsAProtocolError(string input)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(input));

        Assert.Throws<NatsProtocolException>(() => ProtocolParser.ParseAll(ref buffer, new RecordingHandler()));
    }

    [Fact]
    public void ParseAll_WithAnEndlessControlLine_ThrowsAProtocolError()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[ProtocolParser.MaxControlLineLength + 1]);

        Assert.Throws<NatsProtocolException>(() => ProtocolParser.ParseAll(ref buffer, new RecordingHandler()));
    }

    private sealed class RecordingHandler : IProtocolHandler
    {
        public List<string> Operations { get; } = [];

        public void OnMessage(in RawMessage message) => Operations.Add(
            $"MSG {Encoding.UTF8.GetString(message.Subject)} sid={message.Sid} reply={Encoding.UTF8.GetString(message.ReplyTo)} " +
            $"headers={Encoding.UTF8.GetString(message.Headers.ToArray()).Replace("\r\n", "|", StringComparison.Ordinal)} " +
            $"payload={Encoding.UTF8.GetString(message.Payload.ToArray())} status={message.StatusCode}");

        public void OnPing() => Operations.Add("PING");

        public void OnPong() => Operations.Add("PONG");

        public void OnError(string message) => Operations.Add("ERR " + message);

        public void OnInfo(ReadOnlySpan<byte> json) => Operations.Add("INFO " + Encoding.UTF8.GetString(json));
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Create(byte[] first, byte[] second)
        {
            var head = new Segments(first, 0);
            var tail = new Segments(second, first.Length);
            head.Next = tail;
            return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
        }
    }
}
