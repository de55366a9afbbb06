#!/usr/bin/env bash
# kgx's map/reduce with GNU parallel: `kgx extract` on batches of files as
# parallel jobs (on this machine, or other hosts with -S), then one
# `kgx merge` of their records.
#
#   tools/scale_out/kgx_parallel.sh KGX JOBS RECORDS_DIR PATH... -- MERGE_ARGS...
#
# e.g. tools/scale_out/kgx_parallel.sh build/kgx 2 out/records news/ -- -o graph.dot
# Files under each PATH (names starting with '.' left out) are sorted and
# handed out $KGX_BATCH (default 200) at a time; job N writes RECORDS_DIR/part-0000N.jsonl (in
# the files' order). Exit
# status: kgx merge's, or 2 when a job fails (exit 1 only names a skipped
# file, so it is not a failure).
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 KGX JOBS RECORDS_DIR PATH... -- MERGE_ARGS..." >&2
  exit 2
fi
kgx=$(realpath "$1") jobs=$2 records=$3
shift 3
paths=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do paths+=("$1"); shift; done
[ $# -gt 0 ] && shift  # the --
mkdir -p "$records"
rm -f "$records"/part-*.jsonl

# Each job: kgx extract on its batch; exit 1 (a file skipped) is kept as 0.
status=0
find "${paths[@]}" -type f ! -path '*/.*' -print0 | LC_ALL=C sort -z |
  parallel --will-cite -0 -j "$jobs" -n "${KGX_BATCH:-200}" --halt now,fail=1 \
    "\"$kgx\" extract -q --threads 1 -o \"$records/part-\$(printf %05d {#}).jsonl\" -- {} || [ \$? -eq 1 ]" ||
  status=$?
if [ "$status" -ne 0 ]; then
  echo "$0: a kgx extract job failed (GNU parallel exit $status)" >&2
  exit 2
fi
exec "$kgx" merge -q "$records"/part-*.jsonl "$@"
