#!/usr/bin/env bash
# Sourced by ./run, ./test and the bench scripts from the repository root: installs PostgreSQL, nats-server and
# Node.js when missing (and the commands named in BENCH_PACKAGES, e.g. wrk), checks for the .NET SDK, and restores
# NuGet packages.
set -euo pipefail

# The servers run as child processes of the host and the tests; only their binaries are needed.
# (Debian puts nats-server in /usr/sbin, which is not on an ordinary user's PATH.)
# Only what is missing is installed: a machine whose Node.js and npm did not come from Debian's packages would refuse
# Debian's nodejs and npm (they conflict with what is there).
packages=()
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || packages+=(nats-server)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || packages+=(postgresql)
# The tests install reference libraries, anvil and solc from npm (tests/*/interop, Adapters.Evm/contracts).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
for tool in ${BENCH_PACKAGES:-}; do command -v "$tool" >/dev/null 2>&1 || packages+=("$tool"); done
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Installing ${packages[*]} needs root or sudo." >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (10.0.100 or later, see global.json) is not on PATH: install it from https://dot.net and retry." >&2
  exit 1
fi

dotnet restore Daarion.sln
