#!/usr/bin/env bash
# aipc-bench launcher (Linux/macOS). Same flags as run-bench.ps1; everything is passed to one Java
# entry point. The jar is (re)built whenever it is missing or older than the sources in front of it
# (Maven and a JDK 17+ are needed then), so a run never measures code that is not the checkout's.
#   ./run-bench.sh --matrix quick
#   ./run-bench.sh --matrix full --profile ci --devices cpu
#   ./run-bench.sh report --in results/A results/B --out report/
#   ./run-bench.sh gate --baseline results/base --current results/new
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/benchmarks/target/aipc-bench.jar"
STAMP="$HERE/benchmarks/target/aipc-bench.commit"

commit() {
  git -C "$HERE" rev-parse HEAD 2>/dev/null || echo "no-git"
}

# Why the jar must be built, or nothing when it is current: missing, a source newer than it, or built
# from another commit than the checkout's.
stale_reason() {
  if [[ ! -f "$JAR" ]]; then
    echo "no jar yet (first run)"
    return
  fi
  local newer
  newer="$(cd "$HERE" && find pom.xml profiles results harness reports benchmarks \
      \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/main/*' -o -name pom.xml -o -path 'profiles/*' \) -newer "$JAR" -print \) \
      2>/dev/null | head -n 1)"
  if [[ -n "$newer" ]]; then
    echo "$newer changed since the jar was built"
    return
  fi
  if [[ -f "$STAMP" && "$(cat "$STAMP")" != "$(commit)" ]]; then
    echo "the jar was built from commit $(cut -c1-12 "$STAMP"), the checkout is at $(commit | cut -c1-12)"
  fi
}

REASON="$(stale_reason)"
if [[ -n "$REASON" ]]; then
  echo "run-bench: building the jar: $REASON ..." >&2
  mkdir -p "$HERE/benchmarks/target"
  LOG="$HERE/benchmarks/target/build.log"
  # One line per module as it builds instead of a silent minute; the whole log stays in $LOG.
  set +e
  (cd "$HERE" && mvn -B -DskipTests -Dstyle.color=never package 2>&1) | tee "$LOG" \
      | grep --line-buffered -E '^\[INFO\] Building aipc-bench|BUILD (SUCCESS|FAILURE)|^\[ERROR\]' >&2
  STATUS=${PIPESTATUS[0]}
  set -e
  if [[ $STATUS -ne 0 ]]; then
    echo "run-bench: the build failed (exit $STATUS); the whole log is in $LOG" >&2
    exit "$STATUS"
  fi
  commit > "$STAMP"
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export AIPC_BENCH_HOME="$HERE"
# The JVM takes the encoding of file names from the locale: under LANG=C a non-ASCII path cannot even be
# named. A UTF-8 locale makes every path usable, whatever the caller's.
if [[ "$(locale charmap 2>/dev/null)" != "UTF-8" ]]; then
  export LC_ALL=C.UTF-8
fi
# Direct memory holds KV caches and logits; the heap stays small.
exec "$JAVA" -Dfile.encoding=UTF-8 ${JAVA_OPTS:--Xmx2g -XX:MaxDirectMemorySize=64g} -jar "$JAR" "$@"
