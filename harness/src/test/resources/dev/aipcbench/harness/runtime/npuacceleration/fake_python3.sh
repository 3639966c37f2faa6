#!/bin/bash
# A fake python3 for the NPU acceleration library runtime's tests.
#  -c CODE: the import probe; its answer (@PROBE@) is filled in by the test.
#  SCRIPT MODEL DTYPE: the driver protocol over a toy model whose next token is
#  (last * 31 + position * 7 + 7) % 1000; clock values are synthetic and increasing.
#  A model path containing "broken" fails to load; "crash" dies without a word on stdout;
#  a prompt starting with 666 fails its generation.
here=$(dirname "$0")
if [ "$1" = "-c" ]; then
  case "$2" in
    *"import intel_npu_acceleration_library"*) ;;
    *) echo "fake python3: unexpected probe" >&2; exit 9 ;;
  esac
  @PROBE@
fi
script=$1 model=$2 dtype=$3
if [ ! -f "$script" ]; then
  echo "fake python3: can't open file '$script'" >&2
  exit 2
fi
cp "$script" "$here/last_driver.py"
echo "$dtype" > "$here/last_dtype"
case "$model" in
  *broken*) echo "{\"event\": \"error\", \"message\": \"loading $model failed: OSError: no config.json\"}"; exit 3 ;;
  *crash*) echo "Fatal Python error: Segmentation fault" >&2; exit 139 ;;
esac
case "$model" in
  *no-npu-backend*) backend='{"npu_available": false, "driver_version": "0"}' ;;
  *) backend='{"npu_available": true, "driver_version": "1.13.0"}' ;;
esac
echo "{\"event\": \"ready\", \"load_ns\": 1500000, \"version\": \"1.4.0\", \"vocab\": 1000, \"layers\": 2, \"backend\": $backend}"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  prompt=${line#*\"prompt\":[}
  prompt=${prompt%%]*}
  n=${line#*\"new_tokens\":}
  n=${n%%[,\}]*}
  IFS=, read -ra ids <<< "$prompt"
  if [ "${ids[0]}" = "666" ]; then
    echo '{"event": "error", "message": "RuntimeError: fake NPU fault"}'
    continue
  fi
  last=${ids[${#ids[@]}-1]}
  position=$(( ${#ids[@]} - 1 ))
  t=1000000
  echo "{\"event\": \"start\", \"t_ns\": $t}"
  for (( i = 0; i < n; i++ )); do
    last=$(( (last * 31 + (position + i) * 7 + 7) % 1000 ))
    t=$(( t + 250000 ))
    echo "{\"event\": \"token\", \"i\": $i, \"token\": $last, \"t_ns\": $t, \"run_ns\": 200000}"
  done
  echo '{"event": "done"}'
done
