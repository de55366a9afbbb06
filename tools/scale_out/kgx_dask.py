#!/usr/bin/python3
"""kgx's map/reduce on Dask distributed: `kgx extract` per partition on the
workers of a cluster, then one `kgx merge` of their records.

    tools/scale_out/kgx_dask.py --kgx KGX [--workers N] [--partitions P]
        [--scheduler ADDRESS] --records DIR PATH... -- MERGE_ARGS...

PATHs are files or folders (read recursively); the document files are
sorted by path and cut into P partitions of about equal bytes (default: 4
per worker), each one task that runs `kgx extract -q --threads 1 -o
DIR/part-NNNNN.jsonl FILES...` on a worker. Without --scheduler a
LocalCluster of N worker processes (default 2, one thread each) is started
on 127.0.0.1; with it, the tasks go to that scheduler's workers (which must
see KGX, the PATHs and DIR at the same paths: a shared file system). When
every task is done, `kgx merge DIR/part-*.jsonl MERGE_ARGS...` runs here,
e.g. `-- -o graph.dot -o graph.jsonld`. Whatever the partitioning, the
graph is the one `kgx build PATH...` writes (DESIGN.md).

Exit status: kgx merge's; 2 when a task fails (its stderr is printed)."""
import argparse
import os
import subprocess
import sys


def document_files(paths):
    """Every file under PATHs, sorted; kgx itself skips what is no document."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            for d, dirs, names in os.walk(path):
                dirs[:] = [x for x in dirs if not x.startswith(".")]
                files += [os.path.join(d, n) for n in names if not n.startswith(".")]
        else:
            files.append(path)
    return sorted(set(files))


def partitions(files, count):
    """Consecutive runs of files of about equal total size."""
    sizes = [os.path.getsize(f) for f in files]
    target = max(1, sum(sizes) // max(1, count) + 1)
    parts, part, size = [], [], 0
    for f, s in zip(files, sizes):
        part.append(f)
        size += s
        if size >= target:
            parts.append(part)
            part, size = [], 0
    if part:
        parts.append(part)
    return parts


def extract(kgx, files, out):
    """One task: kgx extract on a partition. Exit 1 (a file skipped, named
    on stderr) still gives the records of the others."""
    r = subprocess.run([kgx, "extract", "-q", "--threads", "1", "-o", out, "--"] + files,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return out, r.returncode, r.stderr


def main():
    argv = sys.argv[1:]
    merge_args = []
    if "--" in argv:
        cut = argv.index("--")
        argv, merge_args = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--kgx", required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--partitions", type=int, default=0)
    p.add_argument("--scheduler")
    p.add_argument("--records", required=True)
    p.add_argument("paths", nargs="+")
    a = p.parse_args(argv)
    kgx = os.path.abspath(a.kgx)
    files = document_files(a.paths)
    if not files:
        sys.exit("kgx_dask: no file under " + " ".join(a.paths))
    os.makedirs(a.records, exist_ok=True)
    parts = partitions(files, a.partitions or 4 * a.workers)
    outs = [os.path.join(os.path.abspath(a.records), "part-%05d.jsonl" % i)
            for i in range(len(parts))]

    # Imported here so that --help works without Dask installed.
    from dask.distributed import Client, LocalCluster
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(extract, [kgx] * len(parts), parts, outs, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    failed = [(out, rc, err) for out, rc, err in results if rc not in (0, 1)]
    for out, rc, err in failed:
        sys.stderr.write("kgx_dask: the task writing %s exited %d:\n%s" % (out, rc, err))
    if failed:
        sys.exit(2)
    sys.exit(subprocess.run([kgx, "merge", "-q"] + outs + merge_args).returncode)


if __name__ == "__main__":
    main()
