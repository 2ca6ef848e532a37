namespace Daarion.Adapters.Evm.Rpc;

/// <summary>The node answered a JSON-RPC call with an error object (code, message and optional data).</summary>
public class EvmRpcException : EvmException
{
    public EvmRpcException(string method, long code, string rpcMessage, string? data)
        : base($"{method} failed: {rpcMessage} (JSON-RPC error {code}).")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    public string Method { get; }

    /// <summary>The JSON-RPC error code (-32601 method not found, -32602 invalid params, 3 execution reverted, …).</summary>
    public long Code { get; }

    /// <summary>The node's message, e.g. "nonce too low".</summary>
    public string RpcMessage { get; }

    /// <summary>The error's data member as raw JSON text (a string's quotes removed), when the node sent one.</summary>
    public string? ErrorData { get; }
}
