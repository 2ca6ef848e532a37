using System.Diagnostics;
using System.Net;
using Daarion.Adapters.Evm.Codec;
using Daarion.Adapters.Evm.Rpc;
using Daarion.Adapters.Evm.Sending;
using Daarion.Adapters.Evm.Tests.Chain;
using Daarion.Testing.Evm;
using Daarion.Crypto;
using Daarion.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Daarion.Adapters.Evm.Tests.Rpc;

public sealed class EvmRpcClientFailureTests
{
    // Generous, so a busy machine does not turn the failure under test into a timeout.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ANodeThatIsDown_IsAnHttpErrorAtOnce_NotAHang()
    {
        using var rpc = Client(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<EvmHttpException>(() => rpc.GetChainIdAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Null(failure.StatusCode);
        Assert.Contains("eth_chainId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANodeThatNeverAnswers_TimesOutAfterTheRequestTimeout()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var node = new ScriptedNode(_ => null);
        using var rpc = new EvmRpcClient(node.Url, timeout, NullLogger<EvmRpcClient>.Instance);
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<EvmTimeoutException>(() => rpc.GetBlockNumberAsync());

        Assert.InRange(clock.Elapsed, timeout * 0.9, timeout + RequestTimeout);
    }

    [Fact]
    public async Task AnHttpErrorWithoutJsonRpc_IsAnHttpErrorWithTheStatus()
    {
        await using var node = new ScriptedNode(_ => (503, "<html>upstream unavailable</html>"));
        using var rpc = Client(node.Url);

        var failure = await Assert.ThrowsAsync<EvmHttpException>(() => rpc.GetGasPriceAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
    }

    [Fact]
    public async Task AJsonRpcError_IsTypedWithItsCodeAndMessage()
    {
        await using var node = new ScriptedNode(request => ScriptedNode.Error(request, """{"code":-32000,"message":"nonce too low","data":{"expected":"0x5"}}"""));
        using var rpc = Client(node.Url);

        var failure = await Assert.ThrowsAsync<EvmRpcException>(() => rpc.GetBlockNumberAsync());

        Assert.IsNotType<EvmRevertException>(failure);
        Assert.Equal(-32000, failure.Code);
        Assert.Equal("nonce too low", failure.RpcMessage);
        Assert.Equal("""{"expected":"0x5"}""", failure.ErrorData);
    }

    [Fact]
    public async Task ARevert_CarriesItsDataAndDecodesAnErrorString()
    {
        // docs.soliditylang.org: revert data of require(false, "Not enough Ether provided.").
        const string data = "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";
        await using var node = new ScriptedNode(request => ScriptedNode.Error(request, $$"""{"code":3,"message":"execution reverted","data":"{{data}}"}"""));
        using var rpc = Client(node.Url);

        var revert = await Assert.ThrowsAsync<EvmRevertException>(() => rpc.CallAsync(new CallRequest()));

        Assert.Equal("Not enough Ether provided.", revert.Reason);
        Assert.True(revert.Is(AbiError.Error, out var arguments));
        Assert.Equal("Not enough Ether provided.", arguments[0]);
        Assert.Equal(data, Hex.Encode(revert.RevertData));
    }

    [Fact]
    public async Task APanic_IsNamedByItsCode()
    {
        var data = Hex.Encode([.. AbiError.Panic.Signature.Selector, .. AbiCodec.Encode([AbiType.UInt256], [0x11])]);
        await using var node = new ScriptedNode(request => ScriptedNode.Error(request, $$"""{"code":-32000,"message":"execution reverted: panic","data":"{{data}}"}"""));
        using var rpc = Client(node.Url);

        var revert = await Assert.ThrowsAsync<EvmRevertException>(() => rpc.EstimateGasAsync(new CallRequest()));

        Assert.Equal("panic 0x11", revert.Reason);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"jsonrpc":"2.0","id":999,"result":"0x1"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    public async Task AnAnswerThatIsNotJsonRpc_IsAProtocolError(string body)
    {
        await using var node = new ScriptedNode(_ => (200, body));
        using var rpc = Client(node.Url);

        await Assert.ThrowsAsync<EvmProtocolException>(() => rpc.GetChainIdAsync());
    }

    [Fact]
    public async Task AMalformedValue_IsAProtocolError()
    {
        await using var node = new ScriptedNode(request => ScriptedNode.Result(request, "\"seven\""));
        using var rpc = Client(node.Url);

        await Assert.ThrowsAsync<EvmProtocolException>(() => rpc.GetChainIdAsync());
    }

    [Fact]
    public async Task Messages_NameTheNodeWithoutThePathThatHoldsTheApiKey()
    {
        await using var node = new ScriptedNode(_ => (502, "bad gateway"));
        using var rpc = Client(node.Url);

        var failure = await Assert.ThrowsAsync<EvmHttpException>(() => rpc.GetChainIdAsync());

        Assert.DoesNotContain("secret-api-key", failure.Message, StringComparison.Ordinal);
        Assert.Contains(rpc.Endpoint, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitingForAReceiptWhileTheNodeIsDown_EndsWithAReceiptTimeout()
    {
        var options = new EvmOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) };
        using var rpc = Client(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        var recorder = new LogRecorder();
        using var loggers = recorder.CreateFactory();
        var waiter = new ReceiptWaiter(rpc, options, TimeProvider.System, loggers.CreateLogger<ReceiptWaiter>());

        await Assert.ThrowsAsync<EvmReceiptTimeoutException>(() => waiter.WaitAsync(TransactionHash.FromBytes(new byte[32]), 1, TimeSpan.FromSeconds(3)));

        Assert.Contains(recorder.Lines, line => line.Contains("retrying", StringComparison.Ordinal));
    }

    // FreePort.Next() was free a moment ago, so nothing listens there and connecting is refused at once.
    private static EvmRpcClient Client(Uri url) => new(url, RequestTimeout, NullLogger<EvmRpcClient>.Instance);
}
