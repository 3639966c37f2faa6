#!/usr/bin/env bash
# The suite's tests, on a fresh machine too: installs what they need, then runs them. Idempotent, and quick
# when everything is already there. CI runs exactly this (.ci/run).
#   ./test.sh                 everything
#   ./test.sh -pl harness     extra arguments go to Maven (mvn -B verify ...)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

# 1. Debian packages: a JDK and Maven to build; headless Chromium and ChromeDriver for the report tests;
#    gcc for the small fake libraries that stand in for hardware no machine here has; Python with venv and
#    npm for the suite's runtime environment (the real runtime libraries the tests run on); PostgreSQL's server
#    programs for the history tests, which start their own throwaway server (initdb/pg_ctl, no system service).
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
if ! command -v python3 >/dev/null 2>&1; then
  need+=(python3 python3-venv)
elif ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  need+=(python3-venv)
fi
command -v npm >/dev/null 2>&1 || need+=(npm)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "test.sh: the tests need these Debian packages: ${need[*]}; install them with: sudo apt-get install -y ${need[*]} (or run ./test.sh as root)" >&2
    exit 2
  fi
  echo "test.sh: installing ${need[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. The real runtime libraries, pinned (harness/src/main/resources/.../runtime/environment/), in the suite's
#    runtime environment; the launcher builds the jar first if it is stale.
./run-bench.sh runtimes install --runtimes onnxruntime-genai,openvino,openvino-genai,onnxruntime,llama.cpp

# 3. The tests.
exec mvn -B verify "$@"
