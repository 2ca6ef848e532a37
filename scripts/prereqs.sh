#!/usr/bin/env bash
# Sourced by ./run and ./test from the repository root: installs PostgreSQL, nats-server and Node.js when missing,
# checks for the .NET SDK, and restores NuGet packages.
set -euo pipefail

# The servers run as child processes of the host and the tests; only their binaries are needed.
# (Debian puts nats-server in /usr/sbin, which is not on an ordinary user's PATH.)
missing=false
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || missing=true
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing=true
# The tests install reference libraries, anvil and solc from npm (tests/*/interop, Adapters.Evm/contracts).
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing=true
if $missing; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "PostgreSQL, nats-server or Node.js is missing and installing them needs root or sudo." >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql nats-server nodejs npm
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0.100 or later, see global.json) is not on PATH: install it from https://dot.net and retry." >&2
  exit 1
fi

dotnet restore Daarion.sln
