// Standard Webhooks signatures from the reference `standardwebhooks` library.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { run } from "./io.mjs";

const secretOf = (length) => "whsec_" + randomBytes(length).toString("base64");

await run({
  // For each case: a fresh secret of the requested length and a fresh id, then the library's signature.
  // With `rotated`, the header carries a second signature by another secret, as senders do during rotation.
  sign: ({ cases }) =>
    cases.map((c) => {
      const secret = secretOf(c.secretLength);
      const id = "msg_" + randomBytes(12).toString("hex");
      const at = new Date(c.timestamp * 1000);
      let signature = new Webhook(secret).sign(id, at, c.body);
      let otherSecret = null;
      if (c.rotated) {
        otherSecret = secretOf(32);
        signature = `${new Webhook(otherSecret).sign(id, at, c.body)} ${signature}`;
      }
      return { secret, otherSecret, id, signature };
    }),

  // Verifies our deliveries with the library (its clock is the real one, so timestamps must be recent).
  verify: ({ items }) =>
    items.map((item) => {
      try {
        new Webhook(item.secret).verify(
          item.body,
          { "webhook-id": item.id, "webhook-timestamp": String(item.timestamp), "webhook-signature": item.signature },
          { jsonParse: false },
        );
        return { ok: true, error: null };
      } catch (error) {
        return { ok: false, error: String(error.message) };
      }
    }),
});
