#!/usr/bin/env bash
# aipc-bench launcher (Linux/macOS). Same flags as run-bench.ps1; everything is passed to one Java
# entry point. The first run builds the jar if it is missing (Maven and a JDK 17+ are needed then).
#   ./run-bench.sh --matrix quick
#   ./run-bench.sh --matrix full --profile ci --devices cpu
#   ./run-bench.sh report --in results/A results/B --out report/
#   ./run-bench.sh gate --baseline results/base --current results/new
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/benchmarks/target/aipc-bench.jar"
if [[ ! -f "$JAR" ]]; then
  echo "run-bench: building $JAR (first run) ..." >&2
  (cd "$HERE" && mvn -B -q -DskipTests package) >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export AIPC_BENCH_HOME="$HERE"
# Direct memory holds KV caches and logits; the heap stays small.
exec "$JAVA" ${JAVA_OPTS:--Xmx2g -XX:MaxDirectMemorySize=64g} -jar "$JAR" "$@"
