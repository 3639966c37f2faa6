#!/usr/bin/env bash
# The suite's CPU read bandwidth beside a C read loop, in one session: compiles src/bench/c/read_loop.c
# (-O3 -march=native: AVX-512 where present) into a temp folder, runs it for each thread count, runs
# `run-bench characterise` for the same counts on the same buffer size, runs the C loop once more (drift
# on a shared machine shows as a change between the two C runs), and prints the numbers side by side.
#
# usage: benchmarks/src/bench/read-bandwidth-vs-c.sh [THREADS=1,2] [MIB=1024]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
THREADS="${1:-1,2}"
MIB="${2:-1024}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cc -O3 -march=native -pthread -o "$WORK/read_loop" "$HERE/benchmarks/src/bench/c/read_loop.c"

c_loop() {
  for t in ${THREADS//,/ }; do "$WORK/read_loop" "$t" "$MIB" 20; done
}

echo "== C, before"
c_loop
echo "== suite: run-bench characterise --devices cpu --precisions int4 --runtimes onnxruntime --threads $THREADS --buffer-mib $MIB"
"$HERE/run-bench.sh" characterise --devices cpu --precisions int4 --runtimes onnxruntime --threads "$THREADS" \
    --buffer-mib "$MIB" --forks 2 --iterations 10 --no-report --no-telemetry --out "$WORK/suite" >/dev/null 2>"$WORK/suite.log" \
    || { cat "$WORK/suite.log" >&2; exit 1; }
python3 - "$WORK/suite/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for c in r["cells"]:
    m = (c.get("metrics") or {}).get("read_gb_s")
    if m:
        samples = [v for fork in m["samples"] for v in fork]
        print("suite read: threads=%d median=%.1f GB/s best=%.1f GB/s (%d shots)" % (
            c["workload"]["threads"], m["summary"]["median"], max(samples), len(samples)))
        for name in ("matmul_m1_gb_s", "matmul_m512_gflop_s"):
            mm = c["metrics"].get(name)
            if mm:
                print("  %s %s median=%.1f %s (%s)" % (c["id"], name, mm["summary"]["median"], mm["unit"], c["session"].get("matmul_probe_m" + name.split("_")[1][1:])))
    else:
        print("suite read: %s %s %s" % (c["id"], c["status"], c.get("reason")))
PY
echo "== C, after"
c_loop
