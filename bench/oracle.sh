#!/usr/bin/env bash
# Meter ingestion benchmark: readings/s through POST /v1/oracle/readings:batch on a private PostgreSQL.
# Arguments go to the benchmark (e.g. --sites 1000 --batch 10000 --connections 4 --seconds 20).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prereqs.sh # PostgreSQL and nats-server, when missing
dotnet build ApiHost/ApiHost.csproj -c Release -v quiet -nologo
dotnet build bench/Oracle.Bench/Oracle.Bench.csproj -c Release -v quiet -nologo
exec dotnet bench/Oracle.Bench/bin/Release/net10.0/Daarion.Oracle.Bench.dll "$@"
