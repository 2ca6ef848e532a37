#!/usr/bin/env bash
# Ledger benchmark: durable transfers/s through the HTTP API (wrk) vs. one SQL transaction per transfer (pgbench),
# on one private PostgreSQL. Arguments go to the benchmark (e.g. --wallets 10000 --seconds 20 --connections 128).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
command -v pgbench >/dev/null 2>&1 || export PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
dotnet build ApiHost/ApiHost.csproj -c Release -v quiet -nologo
dotnet build bench/Ledger.Bench/Ledger.Bench.csproj -c Release -v quiet -nologo
exec dotnet bench/Ledger.Bench/bin/Release/net10.0/Daarion.Ledger.Bench.dll "$@"
