#!/usr/bin/env bash
# The suite's CPU read bandwidth beside a C read loop, in one session: compiles src/bench/c/read_loop.c
# (-O3 -march=native: AVX-512 where present) into a temp folder, then ROUNDS times runs the C loop and
# `run-bench characterise` for the same thread counts on the same buffer size, one right after the other, and
# prints both medians and their ratio per round (a shared machine drifts: compare within a round).
#
# usage: benchmarks/src/bench/read-bandwidth-vs-c.sh [THREADS=1,2] [MIB=1024] [ROUNDS=1]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
THREADS="${1:-1,2}"
MIB="${2:-1024}"
ROUNDS="${3:-1}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cc -O3 -march=native -pthread -o "$WORK/read_loop" "$HERE/benchmarks/src/bench/c/read_loop.c"
echo "suite: run-bench characterise --devices cpu --precisions int4 --runtimes onnxruntime --threads $THREADS --buffer-mib $MIB --forks 1 --iterations 20"

for round in $(seq 1 "$ROUNDS"); do
  : > "$WORK/c.txt"
  for t in ${THREADS//,/ }; do "$WORK/read_loop" "$t" "$MIB" 20 | tee -a "$WORK/c.txt"; done
  rm -rf "$WORK/suite"
  "$HERE/run-bench.sh" characterise --devices cpu --precisions int4 --runtimes onnxruntime --threads "$THREADS" \
      --buffer-mib "$MIB" --forks 1 --iterations 20 --no-report --no-telemetry --out "$WORK/suite" >/dev/null 2>"$WORK/suite.log" \
      || { cat "$WORK/suite.log" >&2; exit 1; }
  python3 - "$round" "$WORK/suite/results.json" "$WORK/c.txt" <<'PY'
import json, re, sys
c = {}
for line in open(sys.argv[3]):
    m = re.search(r"threads=(\d+) .* best=([\d.]+) GB/s median=([\d.]+) GB/s", line)
    c[int(m.group(1))] = (float(m.group(3)), float(m.group(2)))
for cell in json.load(open(sys.argv[2]))["cells"]:
    m = (cell.get("metrics") or {}).get("read_gb_s")
    if not m:
        print("round %s: %s %s %s" % (sys.argv[1], cell["id"], cell["status"], cell.get("reason")))
        continue
    t = cell["workload"]["threads"]
    samples = [v for fork in m["samples"] for v in fork]
    print("round %s threads=%d: suite median=%.1f best=%.1f GB/s (%d shots) | C median=%.1f best=%.1f GB/s | suite/C median %.2f" % (
        sys.argv[1], t, m["summary"]["median"], max(samples), len(samples), c[t][0], c[t][1], m["summary"]["median"] / c[t][0]))
    for name in ("matmul_m1_gb_s", "matmul_m512_gflop_s"):
        mm = cell["metrics"].get(name)
        if mm:
            print("  %s %s median=%.1f %s" % (cell["id"], name, mm["summary"]["median"], mm["unit"]))
PY
done
