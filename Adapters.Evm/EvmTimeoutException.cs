namespace Daarion.Adapters.Evm;

/// <summary>The node did not answer a call within its timeout.</summary>
public class EvmTimeoutException(string message) : EvmException(message);
