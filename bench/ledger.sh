#!/usr/bin/env bash
# Ledger benchmark: durable transfers/s through the HTTP API (wrk) vs. one SQL transaction per transfer (pgbench),
# on one private PostgreSQL. Arguments go to the benchmark (e.g. --wallets 10000 --seconds 20 --connections 128).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PACKAGES=wrk source scripts/prereqs.sh # PostgreSQL, nats-server and the load generator, when missing
command -v pgbench >/dev/null 2>&1 || export PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
dotnet build ApiHost/ApiHost.csproj -c Release -v quiet -nologo
dotnet build bench/Ledger.Bench/Ledger.Bench.csproj -c Release -v quiet -nologo
exec dotnet bench/Ledger.Bench/bin/Release/net10.0/Daarion.Ledger.Bench.dll "$@"
