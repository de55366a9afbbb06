#!/usr/bin/env bash
# The README's scale-out routes, run: the same corpus through Dask
# distributed (a LocalCluster of two worker processes on 127.0.0.1, each
# task `kgx extract` on its partition) and through GNU parallel (two jobs),
# each followed by `kgx merge`, must give the graph `kgx build` gives, byte
# for byte (DOT and JSON-LD), and their partitions' records, in order, must
# be the records `kgx build -o FILE.jsonl` writes (JSONL).
#   scale_out_test.sh KGX SRC OUT
# Exit 77 (ctest: skipped) with a SKIPPED line when a package is missing.
set -euo pipefail
kgx=$1 src=$2 out=$3
python=/usr/bin/python3
if ! command -v parallel >/dev/null; then
  echo "SKIPPED: GNU parallel is not installed (Debian package 'parallel')"
  exit 77
fi
if ! "$python" -c 'import dask.distributed' 2>/dev/null; then
  echo "SKIPPED: Dask distributed is not installed (Debian package 'python3-distributed')"
  exit 77
fi
rm -rf "$out" && mkdir -p "$out/corpus"
# Documents in every language and format, a name with a space and a quote
# among them; enough files that each route makes several partitions.
cp "$src"/examples/*.txt "$src"/examples/*.md "$src"/examples/*.html "$out/corpus/"
cp "$src"/tests/data/exports/* "$out/corpus/"
mkdir -p "$out/corpus/dev"
cp "$src"/tests/data/dev/*.txt "$src"/tests/data/dev/*.md "$src"/tests/data/dev/*.html "$out/corpus/dev/"
corpus="$out/corpus"
"$kgx" build "$corpus" -q --threads 1 -o "$out/build.dot" -o "$out/build.jsonld" -o "$out/build.jsonl"

"$python" "$src/tools/scale_out/kgx_dask.py" --kgx "$kgx" --workers 2 --partitions 5 \
  --records "$out/dask-records" "$corpus" -- -o "$out/dask.dot" -o "$out/dask.jsonld"
KGX_BATCH=10 bash "$src/tools/scale_out/kgx_parallel.sh" "$kgx" 2 "$out/parallel-records" "$corpus" -- \
  -o "$out/parallel.dot" -o "$out/parallel.jsonld"
cat "$out"/dask-records/part-*.jsonl > "$out/dask.jsonl"
cat "$out"/parallel-records/part-*.jsonl > "$out/parallel.jsonl"

status=0
parts=$(ls "$out"/dask-records/part-*.jsonl | wc -l)
jobs=$(ls "$out"/parallel-records/part-*.jsonl | wc -l)
if [ "$parts" -lt 2 ] || [ "$jobs" -lt 2 ]; then
  echo "FAIL: Dask made $parts partition(s), GNU parallel $jobs job(s), expected several each"
  status=1
fi
for route in dask parallel; do
  for ext in dot jsonld jsonl; do
    if ! cmp -s "$out/build.$ext" "$out/$route.$ext"; then
      echo "FAIL: $route route's $ext differs from kgx build's:"
      diff "$out/build.$ext" "$out/$route.$ext" | head -20 || true
      status=1
    fi
  done
done
[ "$status" -eq 0 ] &&
  echo "Dask ($parts partitions) and GNU parallel ($jobs jobs) routes equal kgx build (DOT, JSON-LD, JSONL)"
exit "$status"
