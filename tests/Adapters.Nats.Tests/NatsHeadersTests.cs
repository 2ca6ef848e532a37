using System.Buffers;
using System.Text;

namespace Daarion.Adapters.Nats.Tests;

public sealed class NatsHeadersTests
{
    [Fact]
    public void WriteTo_ProducesTheHeaderBlockThatParseReadsBack()
    {
        var headers = new NatsHeaders { { "Nats-Msg-Id", "e-1" }, { "X", "1" }, { "X", "2" } };
        var block = new byte[headers.SerializedLength];

        var written = headers.WriteTo(block);
        var parsed = NatsHeaders.Parse(new ReadOnlySequence<byte>(block));

        Assert.Equal(block.Length, written);
        Assert.Equal("NATS/1.0\r\nNats-Msg-Id: e-1\r\nX: 1\r\nX: 2\r\n\r\n", Encoding.ASCII.GetString(block));
        Assert.Equal(headers, parsed);
        Assert.Null(parsed.StatusCode);
    }

    [Theory]
    [InlineData("NATS/1.0 503\r\n\r\n", 503, null)]
    [InlineData("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 3\r\n\r\n", 408, "Request Timeout")]
    [InlineData("NATS/1.0 100 Idle Heartbeat\r\n\r\n", 100, "Idle Heartbeat")]
    public void Parse_ReadsTheStatusLine(string block, int code, string? description)
    {
        var headers = NatsHeaders.Parse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(block)));

        Assert.Equal(code, headers.StatusCode);
        Assert.Equal(description, headers.StatusDescription);
    }

    [Fact]
    public void Indexer_MatchesNamesCaseInsensitivelyAndReplacesEveryValue()
    {
        var headers = new NatsHeaders { { "A", "1" }, { "a", "2" } };

        headers["A"] = "3";

        Assert.Equal("3", headers["a"]);
        Assert.Equal(1, headers.Count);
        Assert.Null(headers["missing"]);
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("Colon:", "v")]
    [InlineData("Ok", "line\r\nbreak")]
    public void Add_RefusesWhatWouldBreakTheBlock(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new NatsHeaders { { name, value } });

    [Fact]
    public void Parse_OfABlockAnotherClientMangled_KeepsWhatItCanWithoutThrowing()
    {
        var headers = NatsHeaders.Parse(new ReadOnlySequence<byte>("HTTP/1.1 200\r\nA: 1\r\n: nameless\r\nB:2"u8.ToArray()));

        Assert.Null(headers.StatusCode);
        Assert.Equal([new("A", "1"), new("B", "2")], headers);
    }
}
