namespace Daarion.Adapters.Evm;

/// <summary>
/// The base of every error this client raises about the chain or the node. Messages never carry a private key
/// or the RPC URL's path and credentials (providers put API keys there).
/// </summary>
public class EvmException : Exception
{
    public EvmException(string message)
        : base(message)
    {
    }

    public EvmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
