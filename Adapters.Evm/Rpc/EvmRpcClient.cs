using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Daarion.Adapters.Evm.Transactions;
using Daarion.Crypto;
using Daarion.Crypto.Ethereum;
using Microsoft.Extensions.Logging;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>
/// Ethereum JSON-RPC 2.0 over HTTP: one POST per call, each bounded by the request timeout. Failures are typed:
/// <see cref="EvmRpcException"/> (the node refused; <see cref="EvmRevertException"/> when the EVM reverted),
/// <see cref="EvmHttpException"/> (unreachable or HTTP error), <see cref="EvmTimeoutException"/>, <see cref="EvmProtocolException"/>.
/// Thread-safe; one instance per node.
/// </summary>
public sealed class EvmRpcClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;
    private long _nextId;

    /// <param name="endpoint">The node's HTTP(S) URL; it may carry an API key, which is never logged or put in a message.</param>
    /// <param name="requestTimeout">The longest one call may take, connection included.</param>
    /// <param name="logger">Where transport failures are reported.</param>
    public EvmRpcClient(Uri endpoint, TimeSpan requestTimeout, ILogger<EvmRpcClient> logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException("The node's URL must be http or https.", nameof(endpoint));
        _endpoint = endpoint;
        _requestTimeout = requestTimeout;
        _logger = logger;
        Endpoint = Redact(endpoint);
        // Pooled connections are renewed so a node behind DNS or a load balancer is re-resolved; the per-call
        // timeout is ours, so HttpClient's own is off.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The node's scheme, host and port: what logs and messages name (the path may hold an API key).</summary>
    public string Endpoint { get; }

    /// <summary>Scheme, host and port of a node URL: providers put API keys in the path or the user info.</summary>
    public static string Redact(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}";
    }

    /// <summary>Calls <paramref name="method"/> and returns its result (JSON null included).</summary>
    public async Task<JsonElement> SendAsync(string method, JsonArray parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Interlocked.Increment(ref _nextId);
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, JsonContentType),
            };
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return ReadResult(method, id, response, text);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Log.RpcTimedOut(_logger, method, Endpoint, _requestTimeout);
            throw new EvmTimeoutException($"{method}: {Endpoint} did not answer within {_requestTimeout}.");
        }
        catch (HttpRequestException e)
        {
            Log.RpcUnreachable(_logger, method, Endpoint, e.Message);
            throw new EvmHttpException($"{method}: could not reach {Endpoint}: {e.Message}", e.StatusCode, e);
        }
    }

    /// <summary>eth_chainId.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken ct = default) =>
        RpcJson.UInt64(await SendAsync("eth_chainId", [], ct).ConfigureAwait(false), "chain id");

    /// <summary>eth_blockNumber: the number of the latest block.</summary>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) =>
        RpcJson.UInt64(await SendAsync("eth_blockNumber", [], ct).ConfigureAwait(false), "block number");

    /// <summary>eth_getTransactionCount at "pending": the next nonce, counting transactions still in the pool.</summary>
    public async Task<ulong> GetPendingTransactionCountAsync(EthereumAddress account, CancellationToken ct = default) =>
        RpcJson.UInt64(await SendAsync("eth_getTransactionCount", [account.ToString(), "pending"], ct).ConfigureAwait(false), "transaction count");

    /// <summary>eth_gasPrice, in wei (legacy transactions).</summary>
    public async Task<BigInteger> GetGasPriceAsync(CancellationToken ct = default) =>
        RpcJson.Quantity(await SendAsync("eth_gasPrice", [], ct).ConfigureAwait(false), "gas price");

    /// <summary>eth_maxPriorityFeePerGas: the tip the node suggests, in wei.</summary>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) =>
        RpcJson.Quantity(await SendAsync("eth_maxPriorityFeePerGas", [], ct).ConfigureAwait(false), "priority fee");

    /// <summary>The latest block's baseFeePerGas (eth_getBlockByNumber); null on a chain without EIP-1559.</summary>
    public async Task<BigInteger?> GetBaseFeePerGasAsync(CancellationToken ct = default)
    {
        var block = await SendAsync("eth_getBlockByNumber", ["latest", false], ct).ConfigureAwait(false);
        return block.ValueKind == JsonValueKind.Object && block.TryGetProperty("baseFeePerGas", out var baseFee)
            ? RpcJson.Quantity(baseFee, "base fee")
            : null;
    }

    /// <summary>eth_estimateGas; a call that would revert throws <see cref="EvmRevertException"/>.</summary>
    public async Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken ct = default) =>
        RpcJson.UInt64(await SendAsync("eth_estimateGas", [ToJson(call)], ct).ConfigureAwait(false), "gas estimate");

    /// <summary>eth_call against the latest block; returns the return data or throws <see cref="EvmRevertException"/>.</summary>
    public async Task<byte[]> CallAsync(CallRequest call, CancellationToken ct = default) =>
        RpcJson.Data(await SendAsync("eth_call", [ToJson(call), "latest"], ct).ConfigureAwait(false), "call result");

    /// <summary>eth_sendRawTransaction; checks the node reports the hash the transaction has.</summary>
    public async Task<TransactionHash> SendRawTransactionAsync(SignedTransaction transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var result = await SendAsync("eth_sendRawTransaction", [Hex.Encode(transaction.Raw)], ct).ConfigureAwait(false);
        var hash = RpcJson.Hash(result, "transaction hash");
        return hash == transaction.Hash
            ? hash
            : throw new EvmProtocolException($"The node reported hash {hash} for transaction {transaction.Hash}.");
    }

    /// <summary>eth_sendTransaction: the node signs with <paramref name="from"/>, an account it holds unlocked.</summary>
    public async Task<TransactionHash> SendTransactionAsync(EthereumAddress from, UnsignedTransaction transaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(transaction);
        var json = new JsonObject
        {
            ["from"] = from.ToString(),
            ["chainId"] = Quantity.Format(transaction.ChainId),
            ["nonce"] = Quantity.Format(transaction.Nonce),
            ["gas"] = Quantity.Format(transaction.GasLimit),
            ["value"] = Quantity.Format(transaction.Value),
            ["data"] = Hex.Encode(transaction.Data.Span),
        };
        if (transaction.To is not null)
            json["to"] = transaction.To.ToString();
        transaction.Fees.WriteTo(json);
        return RpcJson.Hash(await SendAsync("eth_sendTransaction", [json], ct).ConfigureAwait(false), "transaction hash");
    }

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined (or unknown to the node).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(TransactionHash hash, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var result = await SendAsync("eth_getTransactionReceipt", [hash.ToString()], ct).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : ReadReceipt(result);
    }

    public void Dispose() => _http.Dispose();

    private JsonElement ReadResult(string method, long id, HttpResponseMessage response, string text)
    {
        JsonElement answer;
        try
        {
            using var document = JsonDocument.Parse(text);
            answer = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw response.IsSuccessStatusCode
                ? new EvmProtocolException($"{method}: {Endpoint} answered with something that is not JSON.")
                : new EvmHttpException($"{method}: {Endpoint} answered HTTP {(int)response.StatusCode}.", response.StatusCode);
        }
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw ToException(method, error);
        if (!response.IsSuccessStatusCode)
            throw new EvmHttpException($"{method}: {Endpoint} answered HTTP {(int)response.StatusCode}.", response.StatusCode);
        if (!RpcJson.Property(answer, "id").TryGetInt64(out var answeredId) || answeredId != id)
            throw new EvmProtocolException($"{method}: {Endpoint} answered request {id} with another id.");
        return RpcJson.Property(answer, "result");
    }

    // Nodes report a revert as code 3 (geth, anvil) or -32000 "execution reverted…", with the revert data as hex.
    private EvmRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var number) ? number : 0;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        string? data = null;
        if (error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
            data = d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText();
        Log.RpcError(_logger, method, code, message);
        if (code == 3 || message.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase))
            return new EvmRevertException(method, code, message, data, Hex.TryDecode(data, out var revertData) ? revertData : []);
        return new EvmRpcException(method, code, message, data);
    }

    private static JsonObject ToJson(CallRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var json = new JsonObject { ["data"] = Hex.Encode(call.Data.Span) };
        if (call.From is not null)
            json["from"] = call.From.ToString();
        if (call.To is not null)
            json["to"] = call.To.ToString();
        if (!call.Value.IsZero)
            json["value"] = Quantity.Format(call.Value);
        return json;
    }

    private static TransactionReceipt ReadReceipt(JsonElement receipt)
    {
        // Receipts before Byzantium carry a state root instead of a status; such chains are not supported.
        var status = RpcJson.UInt64(RpcJson.Property(receipt, "status"), "receipt status");
        var logs = RpcJson.Property(receipt, "logs").EnumerateArray()
            .Select(log => new EventLog(
                RpcJson.Address(RpcJson.Property(log, "address"), "log address"),
                RpcJson.Property(log, "topics").EnumerateArray().Select(topic => RpcJson.Data(topic, "log topic")).ToArray(),
                RpcJson.Data(RpcJson.Property(log, "data"), "log data"),
                RpcJson.UInt64(RpcJson.Property(log, "logIndex"), "log index")))
            .ToArray();
        return new TransactionReceipt(
            RpcJson.Hash(RpcJson.Property(receipt, "transactionHash"), "transaction hash"),
            RpcJson.UInt64(RpcJson.Property(receipt, "blockNumber"), "block number"),
            RpcJson.Property(receipt, "blockHash").GetString() ?? throw new EvmProtocolException("The receipt has no block hash."),
            status == 1,
            RpcJson.Address(RpcJson.Property(receipt, "from"), "sender"),
            RpcJson.OptionalAddress(receipt, "to"),
            RpcJson.OptionalAddress(receipt, "contractAddress"),
            RpcJson.UInt64(RpcJson.Property(receipt, "gasUsed"), "gas used"),
            receipt.TryGetProperty("effectiveGasPrice", out var price) ? RpcJson.Quantity(price, "effective gas price") : BigInteger.Zero,
            logs);
    }
}
