// Sign-In with Ethereum messages from the reference `siwe` library, signed by ethers wallets.
import { Wallet } from "ethers";
import { SiweMessage, generateNonce } from "siwe";
import { run } from "./io.mjs";

const minutes = (iso, count) => new Date(Date.parse(iso) + count * 60_000).toISOString();

await run({
  // Each case is a partial SiweMessage (and optionally the signing privateKey); times are given as minute offsets from `now`
  // so the C# side can verify against the same fixed clock.
  sign: async ({ now, cases }) => {
    const results = [];
    for (const c of cases) {
      const wallet = c.privateKey ? new Wallet(c.privateKey) : Wallet.createRandom();
      const message = new SiweMessage({
        scheme: c.scheme,
        domain: c.domain,
        address: wallet.address,
        statement: c.statement,
        uri: c.uri,
        version: "1",
        chainId: c.chainId,
        nonce: c.nonce ?? generateNonce(),
        issuedAt: minutes(now, c.issuedAtMinutes ?? 0),
        expirationTime: c.expirationMinutes === undefined ? undefined : minutes(now, c.expirationMinutes),
        notBefore: c.notBeforeMinutes === undefined ? undefined : minutes(now, c.notBeforeMinutes),
        requestId: c.requestId,
        resources: c.resources,
      });
      const text = message.prepareMessage();
      results.push({ message: text, signature: await wallet.signMessage(text), address: wallet.address, nonce: message.nonce });
    }
    return results;
  },

  // Parses our message text with siwe, checks the layout round-trips, and runs siwe's verify.
  verify: async ({ items }) => {
    const results = [];
    for (const item of items) {
      try {
        const message = new SiweMessage(item.message);
        const sameText = message.prepareMessage() === item.message;
        const outcome = await message.verify(
          { signature: item.signature, domain: item.domain, nonce: item.nonce, time: item.time },
          { suppressExceptions: true },
        );
        results.push({ success: outcome.success, sameText, error: outcome.error ? String(outcome.error.type ?? outcome.error) : null });
      } catch (error) {
        results.push({ success: false, sameText: false, error: String(error.message ?? error) });
      }
    }
    return results;
  },
});
