#!/usr/bin/python3
"""kgx benchmark: throughput, memory and start-up, against the floor of one
multi-pattern scan (grep -F over every gazetteer surface form).

    bench/bench.py BUILD_DIR [--repeat N] [--hostile-only] [SIZE_MB | newsSIZE_MB ...]
    (default sizes: 1 10 100)

For each size it generates the corpus (bench/gen_corpus.py, cached under
BUILD_DIR/bench-corpus-SIZE; a size written newsSIZE, e.g. news60, is the
news-like corpus instead: the project's real-style articles replicated,
bench/gen_news_corpus.py, under BUILD_DIR/bench-news-SIZE), reads it once so every run finds it in the
page cache, then prints MB/s, documents/s and peak RSS for `kgx build` on 1
thread and on all threads and for `kgx extract`, the start-up time, and the
grep floor on the same files. Each timing is the median of N runs (default
3; a shared 2-core machine varies by 10-20% from run to run), each peak the
largest. Then bench/stage_bench times each step of one thread's extraction
on the same corpus and the floor of the steps every byte goes through
(reading, NFKC, case folding, sentence breaks, one automaton pass).
Last (alone with --hostile-only), hostile input: the reader's MB/s
(bench/reader_bench) and kgx extract's on 8 MB of one construct repeated
('[', '&', '<', '<a ', '<!--'; bench/gen_hostile.py) next to 8 MB of
ordinary news text, and how many times slower than that each is."""
import os
import subprocess
import sys
import time

args = sys.argv[1:]
build = args.pop(0)
repeat = 3
if args[:1] == ["--repeat"]:
    repeat = max(1, int(args[1]))
    args = args[2:]
hostile_only = args[:1] == ["--hostile-only"]
if hostile_only:
    args = args[1:]
sizes = [] if hostile_only else args or ["1", "10", "100"]
here = os.path.dirname(os.path.abspath(__file__))
kgx = os.path.join(build, "kgx")
cores = os.cpu_count() or 1


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, **kw)
    secs = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr[-2000:]))
    lines = r.stderr.strip().splitlines()
    rss_kb = int(lines[-1])
    return secs, rss_kb / 1024, "\n".join(lines[:-1])


# The per-step profile (bench/stage_bench.cc), built on request like the
# other benchmarks; without it the rest still runs.
stage_bench = os.path.join(build, "bench", "stage_bench")
if subprocess.run(["cmake", "--build", build, "--target", "stage_bench"],
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
    stage_bench = None

patterns = os.path.join(build, "bench-patterns.txt")
with open(patterns, "w") as f:
    subprocess.run([kgx, "aliases"], stdout=f, check=True)
n_patterns = sum(1 for _ in open(patterns))

tiny = os.path.join(build, "bench-tiny.txt")
with open(tiny, "w") as f:
    f.write("Japan and Australia signed a lithium deal.\n")
startup = min(timed([kgx, "extract", tiny, "-q"])[0] for _ in range(5))
print("start-up (load and compile %d gazetteer aliases, one tiny document): %.0f ms" %
      (n_patterns, startup * 1000))
print("%-8s %-26s %9s %9s %10s" % ("corpus", "run", "MB/s", "docs/s", "peak MB"))
for size_arg in sizes:
    news = size_arg.startswith("news")
    size = float(size_arg[4:] if news else size_arg)
    label = ("news%g" if news else "%gMB") % size
    corpus = os.path.join(build, ("bench-news-%g" if news else "bench-corpus-%g") % size)
    if not os.path.isdir(corpus):
        generator = "gen_news_corpus.py" if news else "gen_corpus.py"
        subprocess.run(["/usr/bin/python3", os.path.join(here, generator), corpus, str(size)],
                       check=True, stdout=subprocess.DEVNULL)
    files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs]
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    for f in files:  # Into the page cache: the first run must not pay for the disk.
        with open(f, "rb") as fh:
            fh.read()
    out = os.path.join(build, "bench-out")
    os.makedirs(out, exist_ok=True)
    # build without -q: its last line on stderr gives the graph's size.
    runs = [("build, 1 thread", [kgx, "build", corpus, "-j", "1", "-o", out + "/g.dot"]),
            ("build, %d threads" % cores, [kgx, "build", corpus, "-j", str(cores), "-o", out + "/g.dot"]),
            ("extract, 1 thread", [kgx, "extract", corpus, "-q", "-j", "1", "-o", out + "/r.jsonl"]),
            ("extract, %d threads" % cores, [kgx, "extract", corpus, "-q", "-j", str(cores), "-o", out + "/r.jsonl"])]
    results = {}
    graph = ""
    build_rss = extract_rss = 0
    for name, cmd in runs:
        trials = [timed(cmd) for _ in range(repeat)]
        secs = sorted(t[0] for t in trials)[len(trials) // 2]
        rss = max(t[1] for t in trials)
        err = trials[-1][2]
        results[name] = secs
        if name.startswith("build"):
            build_rss = max(build_rss, rss)
            graph = ([l for l in err.splitlines() if " nodes, " in l] or [graph])[-1]
        else:
            extract_rss = max(extract_rss, rss)
        print("%-8s %-26s %9.1f %9.0f %10.0f" % (label, name, mb / secs, len(files) / secs, rss))
    # Memory against the graph: build should grow with nodes and edges, not text.
    numbers = [int(w) for w in graph.replace(",", " ").split() if w.isdigit()]
    if len(numbers) >= 3:
        elements = numbers[1] + numbers[2]
        print("%-8s graph: %d nodes + %d edges; build peak minus extract peak: %.0f MB = %.2f KB "
              "per node or edge" % ("", numbers[1], numbers[2], build_rss - extract_rss,
                                    (build_rss - extract_rss) * 1024 / elements))
    greps = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run("LC_ALL=C grep -r -F -o -f %s %s | wc -l" % (patterns, corpus), shell=True,
                       check=True, stdout=subprocess.DEVNULL)
        greps.append(time.perf_counter() - t0)
    grep = sorted(greps)[len(greps) // 2]
    print("%-8s %-26s %9.1f %9.0f" % (label, "grep -F floor (%d patterns)" % n_patterns,
                                       mb / grep, len(files) / grep))
    one = results["build, 1 thread"]
    print("%-8s kgx build 1 thread / grep floor: %.2f; %d threads speed-up: %.2fx" %
          ("", grep / one, cores, one / results["build, %d threads" % cores]))
    if stage_bench:  # Where one thread's time goes, and the every-byte floor.
        r = subprocess.run([stage_bench, os.path.join(here, "..", "gazetteers"), corpus,
                            "%.1f" % (mb / grep)], stdout=subprocess.PIPE, text=True)
        for line in r.stdout.splitlines():
            print("%-8s %s" % ("", line))


# Hostile input (issue 16): a construct that opens and never closes, repeated
# for 8 MB, against ordinary news text of the same size. A reader that
# searched from each opening to the end of the file took minutes here.
reader_bench = os.path.join(build, "bench", "reader_bench")
if subprocess.run(["cmake", "--build", build, "--target", "reader_bench"],
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    hostile = os.path.join(build, "bench-hostile-8")
    cases = ["ordinary.txt", "ordinary.html", "brackets.txt", "bracket_paren.txt", "amp.html",
             "amp_hash.html", "lt.html", "tag_open.html", "comment.html"]
    missing = [c for c in cases if not os.path.exists(os.path.join(hostile, c))]
    if missing:
        subprocess.run(["/usr/bin/python3", os.path.join(here, "gen_hostile.py"), hostile, "8"] +
                       missing, check=True)
    paths = [os.path.join(hostile, c) for c in cases]
    r = subprocess.run([reader_bench] + paths, stdout=subprocess.PIPE, text=True, check=True)
    reader = {os.path.basename(l.split("\t")[0]): float(l.split("\t")[1])
              for l in r.stdout.splitlines()}
    out = os.path.join(build, "bench-out")
    os.makedirs(out, exist_ok=True)
    extract = {}
    for c, path in zip(cases, paths):
        secs = sorted(timed([kgx, "extract", path, "-q", "-j", "1", "-o", out + "/h.jsonl"])[0]
                      for _ in range(repeat))[repeat // 2]
        extract[c] = os.path.getsize(path) / 1e6 / secs
    print("%-8s %-26s %12s %9s %14s %9s" % ("hostile", "8 MB of", "reader MB/s", "x slower",
                                             "extract MB/s", "x slower"))
    for c in cases:
        base = "ordinary.html" if c.endswith(".html") else "ordinary.txt"
        print("%-8s %-26s %12.1f %9.1f %14.1f %9.1f" % (
            "8MB", c, reader[c], reader[base] / reader[c], extract[c], extract[base] / extract[c]))
