// RLP, ABI and transaction signing by ethers, the reference the C# encoders are checked against.
import { AbiCoder, Transaction, Wallet, encodeRlp, id, keccak256 } from "ethers";
import { run } from "../../Crypto.Tests/interop/io.mjs";

const coder = AbiCoder.defaultAbiCoder();

// JSON has no bigint: integers travel as decimal strings and come back the same way.
const toJson = (value) => (typeof value === "bigint" ? value.toString() : value);
const fromJson = (type, value) => (type.startsWith("uint") ? BigInt(value) : value);

await run({
  // Each item is a hex string (a byte string) or an array of items.
  rlp: ({ items }) => ({ encoded: items.map((item) => encodeRlp(item)) }),

  "abi-encode": ({ cases }) => ({
    encoded: cases.map(({ types, values }) => coder.encode(types, values.map((v, i) => fromJson(types[i], v)))),
  }),

  "abi-decode": ({ cases }) => ({
    decoded: cases.map(({ types, data }) => [...coder.decode(types, data)].map(toJson)),
  }),

  // keccak256 of each text: topics of event signatures, selectors are the first 4 bytes.
  ids: ({ texts }) => ({ hashes: texts.map((text) => id(text)) }),

  // Signs each transaction with the key; returns the wire form, its hash and the hash that was signed.
  "sign-transactions": async ({ privateKey, transactions }) => {
    const wallet = new Wallet(privateKey);
    const results = [];
    for (const t of transactions) {
      const tx = Transaction.from({
        type: t.type,
        chainId: BigInt(t.chainId),
        nonce: Number(t.nonce),
        gasLimit: BigInt(t.gasLimit),
        to: t.to,
        value: BigInt(t.value),
        data: t.data,
        ...(t.type === 2
          ? { maxFeePerGas: BigInt(t.maxFeePerGas), maxPriorityFeePerGas: BigInt(t.maxPriorityFeePerGas), accessList: [] }
          : { gasPrice: BigInt(t.gasPrice) }),
      });
      const signed = await wallet.signTransaction(tx);
      results.push({ signed, hash: keccak256(signed), signingHash: tx.unsignedHash });
    }
    return { results };
  },
});
