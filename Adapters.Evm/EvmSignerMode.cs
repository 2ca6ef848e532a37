namespace Daarion.Adapters.Evm;

/// <summary>Who signs the backend's transactions.</summary>
public enum EvmSignerMode
{
    /// <summary>This process, with the key in Evm:PrivateKey or Evm:PrivateKeyFile (eth_sendRawTransaction).</summary>
    Local,

    /// <summary>The node, with an account it holds unlocked (eth_sendTransaction): anvil, a signer proxy such as Clef or web3signer.</summary>
    Node,
}
