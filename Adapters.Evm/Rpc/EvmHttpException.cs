using System.Net;

namespace Daarion.Adapters.Evm.Rpc;

/// <summary>The node could not be reached, or answered with an HTTP failure instead of JSON-RPC.</summary>
public sealed class EvmHttpException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
    : EvmException(message, innerException)
{
    /// <summary>The HTTP status, when the node answered at all.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
