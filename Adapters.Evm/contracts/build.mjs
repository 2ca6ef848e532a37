// Compiles PayoutSettlement.sol with the pinned solc-js and OpenZeppelin and writes PayoutSettlement.json,
// the artifact Daarion.Adapters.Evm embeds to deploy the contract.
//   npm ci && node build.mjs              rewrites PayoutSettlement.json next to this script
//   node build.mjs --out <file>           writes elsewhere (the tests compare a fresh build with the committed one)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");
const here = dirname(fileURLToPath(import.meta.url));
const contract = "PayoutSettlement";
const source = `${contract}.sol`;

// Settings are part of the artifact: the same source and settings give the same bytecode.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  // Cancun is what most EVM chains run today; anvil accepts it.
  evmVersion: "cancun",
  outputSelection: { [source]: { [contract]: ["abi", "evm.bytecode.object"] } },
};

// Imports resolve into node_modules, so "@openzeppelin/..." maps to the pinned package.
const findImports = (path) => {
  try {
    return { contents: readFileSync(require.resolve(path), "utf8") };
  } catch (error) {
    return { error: `cannot import ${path}: ${error.message}` };
  }
};

const input = { language: "Solidity", sources: { [source]: { content: readFileSync(join(here, source), "utf8") } }, settings };
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const message of output.errors ?? []) console.error(message.formattedMessage);
if (errors.length > 0) process.exit(1);

const compiled = output.contracts[source][contract];
const artifact = {
  contractName: contract,
  compiler: `solc ${solc.version()}`,
  openZeppelin: require("@openzeppelin/contracts/package.json").version,
  settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion },
  abi: compiled.abi,
  bytecode: `0x${compiled.evm.bytecode.object}`,
};

const outIndex = process.argv.indexOf("--out");
const target = outIndex > 0 ? process.argv[outIndex + 1] : join(here, `${contract}.json`);
writeFileSync(target, `${JSON.stringify(artifact, null, 2)}\n`);
console.error(`wrote ${target}`);
