#!/usr/bin/python3
"""Start-up: what `kgx build` of a one-sentence document costs, nearly all of
it loading and compiling the gazetteers (issue 22 asks for under 100 ms).

    bench/startup.py BUILD_DIR [--repeat R] [--threads N] [--cold]
    (default: 9 runs, kgx's default threads)

Prints the median wall time and CPU time (user + system, all threads) of R
runs, warm (the compiled gazetteers in kgx's cache, made by a first run
that is not counted) and cold (--cold: every run in an empty cache folder,
so it compiles the gazetteers and writes the cache, as the first run after
a gazetteer or kgx change does). Wall time depends on how busy the machine
is; CPU time much less."""
import os
import resource
import subprocess
import sys
import tempfile
import time

args = sys.argv[1:]
build = args.pop(0)
repeat, threads, cold = 9, None, False
while args[:1] in (["--repeat"], ["--threads"], ["--cold"]):
    if args[0] == "--cold":
        cold = True
        args = args[1:]
        continue
    if args[0] == "--repeat":
        repeat = max(1, int(args[1]))
    else:
        threads = args[1]
    args = args[2:]
kgx = os.path.join(os.path.abspath(build), "kgx")
with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "one.txt")
    with open(doc, "w") as f:
        f.write("Japan and Australia signed a lithium agreement worth A$1 billion on Monday.\n")
    cmd = [kgx, "build", doc, "-q", "-o", os.path.join(tmp, "g.dot")]
    if threads:
        cmd += ["--threads", threads]
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"))
    if not cold:  # The cache a first run leaves.
        subprocess.run(cmd, check=True, env=env)
    walls, cpus = [], []
    for i in range(repeat):
        if cold:
            env["XDG_CACHE_HOME"] = os.path.join(tmp, "cache-%d" % i)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, env=env)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    med = lambda v: sorted(v)[len(v) // 2]
    print("kgx build, one sentence, %s cache (%d runs, median): %.0f ms wall, %.0f ms CPU"
          % ("cold" if cold else "warm", repeat, 1000 * med(walls), 1000 * med(cpus)))
