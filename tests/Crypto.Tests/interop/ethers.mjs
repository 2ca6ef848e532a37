// personal_sign and raw secp256k1 signing with ethers, the reference Ethereum library.
import { SigningKey, Wallet, getBytes, verifyMessage } from "ethers";
import { run } from "./io.mjs";

// A message is either UTF-8 text or, when `hex` is set, raw bytes.
const payload = (item) => (item.hex != null ? getBytes(item.hex) : item.text);

await run({
  // A fresh random wallet signs each message as personal_sign would.
  "sign-messages": async ({ messages }) => {
    const wallet = Wallet.createRandom();
    const signatures = [];
    for (const message of messages) signatures.push(await wallet.signMessage(payload(message)));
    return { address: wallet.address, signatures };
  },

  // The same private key signs raw 32-byte hashes (RFC 6979 deterministic k, low s).
  "sign-hashes": ({ privateKey, hashes }) => {
    const key = new SigningKey(privateKey);
    return { signatures: hashes.map((hash) => key.sign(hash).serialized) };
  },

  // Recovers the signer of each (message, signature), or reports ethers' refusal.
  "verify-messages": ({ items }) =>
    items.map((item) => {
      try {
        return { address: verifyMessage(payload(item), item.signature) };
      } catch (error) {
        return { error: String(error.shortMessage ?? error.message) };
      }
    }),
});
