// Every script reads one JSON document on stdin and writes one JSON document on stdout,
// so the C# tests drive them without temporary files.
export async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export function writeOutput(value) {
  process.stdout.write(JSON.stringify(value));
}

export async function run(commands) {
  const name = process.argv[2];
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"; expected one of: ${Object.keys(commands).join(", ")}`);
    process.exit(2);
  }
  writeOutput(await command(await readInput()));
}
