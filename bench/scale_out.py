#!/usr/bin/python3
"""The scale-out speed-up: the bench corpus through kgx's map/reduce routes
(tools/scale_out/: Dask distributed with N worker processes, GNU parallel
with N jobs; each task `kgx extract` on one thread, then one `kgx merge`)
against `kgx build` on one thread, the same graph each time; then the time
and peak memory of the merge alone.

    bench/scale_out.py BUILD_DIR [--workers N] [--repeat R] [SIZE_MB]   (default: 2 workers, 3 runs, 10 MB)

The corpus is bench/gen_corpus.py's, cached as BUILD_DIR/bench-corpus-SIZE
(as bench/bench.py makes it). Each time is the median of R runs, Dask's
including its cluster's start (about a second) and the merge. The DOT of
each route is checked against build's; a difference stops the bench."""
import filecmp
import os
import subprocess
import sys
import time

args = sys.argv[1:]
build = args.pop(0)
workers, repeat = 2, 3
while args[:1] in (["--workers"], ["--repeat"]):
    if args[0] == "--workers":
        workers = int(args[1])
    else:
        repeat = max(1, int(args[1]))
    args = args[2:]
size = float(args[0]) if args else 10
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
kgx = os.path.join(os.path.abspath(build), "kgx")
corpus = os.path.join(os.path.abspath(build), "bench-corpus-%g" % size)
if not os.path.isdir(corpus):
    subprocess.run(["/usr/bin/python3", os.path.join(here, "gen_corpus.py"), corpus, str(size)],
                   check=True, stdout=subprocess.DEVNULL)
files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs]
mb = sum(os.path.getsize(f) for f in files) / 1e6
for f in files:  # Into the page cache.
    with open(f, "rb") as fh:
        fh.read()
out = os.path.join(os.path.abspath(build), "bench-scale-out")
os.makedirs(out, exist_ok=True)

routes = [
    ("kgx build, 1 thread", [kgx, "build", corpus, "-q", "--threads", "1", "-o", out + "/build.dot"]),
    ("kgx build, %d threads" % workers,
     [kgx, "build", corpus, "-q", "--threads", str(workers), "-o", out + "/threads.dot"]),
    ("Dask, %d workers" % workers,
     ["/usr/bin/python3", os.path.join(root, "tools", "scale_out", "kgx_dask.py"), "--kgx", kgx,
      "--workers", str(workers), "--records", out + "/dask-records", corpus, "--",
      "-o", out + "/dask.dot"]),
    ("GNU parallel, %d jobs" % workers,
     ["bash", os.path.join(root, "tools", "scale_out", "kgx_parallel.sh"), kgx, str(workers),
      out + "/parallel-records", corpus, "--", "-o", out + "/parallel.dot"]),
]
print("corpus: %d files, %.1f MB; %d cores on this machine" % (len(files), mb, os.cpu_count()))
print("%-26s %9s %9s %9s" % ("route", "seconds", "MB/s", "speed-up"))
base = None
for name, cmd in routes:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t0)
        if r.returncode not in (0, 1):
            sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr[-2000:]))
    secs = sorted(times)[len(times) // 2]
    base = base or secs
    print("%-26s %9.2f %9.1f %8.2fx" % (name, secs, mb / secs, base / secs))
for dot in ("threads.dot", "dask.dot", "parallel.dot"):
    if not filecmp.cmp(out + "/build.dot", out + "/" + dot, shallow=False):
        sys.exit("%s differs from kgx build's graph" % dot)
print("every route wrote the graph kgx build writes (DOT compared byte for byte)")
# The reduce step alone: `kgx merge` of GNU parallel's records, its time and
# peak memory (records files are read in parts, so the peak does not grow
# with a records file's size).
records = out + "/parallel-records"
rec_mb = sum(os.path.getsize(os.path.join(records, f)) for f in os.listdir(records)) / 1e6
r = subprocess.run(["/usr/bin/time", "-f", "%e %M", kgx, "merge", records, "-q", "-o",
                    out + "/merge.dot"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   text=True)
secs, kb = r.stderr.strip().splitlines()[-1].split()
print("kgx merge of %.1f MB of records: %.2f s, peak memory %.0f MB"
      % (rec_mb, float(secs), int(kb) / 1024))
