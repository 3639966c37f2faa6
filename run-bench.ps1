# aipc-bench launcher (Windows PowerShell). Same flags as run-bench.sh; everything is passed to one
# Java entry point. The first run builds the jar if it is missing (Maven and a JDK 17+ are needed then).
#   .\run-bench.ps1 --matrix full
#   .\run-bench.ps1 --matrix quick --devices npu,igpu,cpu
$ErrorActionPreference = 'Stop'
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Jar = Join-Path $Here 'benchmarks\target\aipc-bench.jar'
if (-not (Test-Path $Jar)) {
    Write-Host "run-bench: building $Jar (first run) ..."
    Push-Location $Here
    try {
        & mvn -B -q -DskipTests package
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    } finally {
        Pop-Location
    }
}
$Java = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin\java.exe' } else { 'java' }
$env:AIPC_BENCH_HOME = $Here
# Direct memory holds KV caches and logits; the heap stays small.
$JavaOpts = if ($env:JAVA_OPTS) { $env:JAVA_OPTS -split ' ' } else { @('-Xmx2g', '-XX:MaxDirectMemorySize=64g') }
& $Java @JavaOpts -jar $Jar @args
exit $LASTEXITCODE
