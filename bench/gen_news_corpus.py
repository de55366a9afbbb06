#!/usr/bin/python3
"""News-like corpus for kgx benchmarks (issue 22): the project's own real-style
articles, replicated.

    bench/gen_news_corpus.py OUT_DIR SIZE_MB

Copies every document of examples/, tests/data/dev, tests/data/fresh and
tests/data/holdout (.txt, .md, .html; not their README, NOTES or BRIEF files)
in a fixed order, again and again, until SIZE_MB megabytes are written: news
text as the analysts' folders hold it, most of its bytes holding no fact,
unlike bench/gen_corpus.py's dense template sentences. Each copy ends with a
line of its own (a comment in HTML), so no two files have the same bytes and
nothing is read once for two. The same arguments always give the same files."""
import os
import sys

out, size_mb = sys.argv[1], float(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sources = []
for sub in ("examples", "tests/data/dev", "tests/data/fresh", "tests/data/holdout"):
    for d, dirs, files in os.walk(os.path.join(root, sub)):
        dirs.sort()
        for f in sorted(files):
            stem, ext = os.path.splitext(f)
            if ext in (".txt", ".md", ".html") and stem not in ("README", "NOTES", "BRIEF"):
                sources.append(os.path.join(d, f))
if not sources:
    sys.exit("no documents under examples/ or tests/data/")
texts = [(os.path.splitext(p)[1], open(p, "rb").read()) for p in sources]

os.makedirs(out, exist_ok=True)
limit = int(size_mb * 1e6)
written = n = 0
while written < limit:
    ext, data = texts[n % len(texts)]
    copy = n // len(texts)
    tail = ("\n<!-- copy %d -->\n" if ext == ".html" else "\n(copy %d)\n") % copy
    body = data + tail.encode()
    # 500 files a folder, as a news archive splits them by day.
    folder = os.path.join(out, "%04d" % (n // 500))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "%06d%s" % (n, ext)), "wb") as f:
        f.write(body)
    written += len(body)
    n += 1
print("%d files, %.1f MB, from %d documents" % (n, written / 1e6, len(texts)))
