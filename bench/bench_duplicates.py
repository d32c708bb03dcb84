#!/usr/bin/env python3
"""Benchmark of the duplicate checks (D001 within a report, D002 across reports).

Makes batches of synthetic reports with ../shared/tools/make_corpus.py (once; they are kept),
lints each batch with only the `duplicate` rules, and prints the wall time, the time of the
cross-report comparison in the parent, the peak memory, and how many of the copies listed in
the batch's planted.tsv were found (recall) and how many reported pairs were not planted.

    python3 bench/bench_duplicates.py                      # 1,000 and 10,000 reports
    python3 bench/bench_duplicates.py --n 1000 --jobs 2 --option bands=21 --option rows=3

Each batch runs in a fresh process, so its peak memory is its own.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_CORPUS = os.path.join(HERE, "..", "..", "shared", "tools", "make_corpus.py")


def corpus(n: int, seed: int, work: str, tool: str) -> str:
    """The folder of a batch of n reports, made once."""
    folder = os.path.join(work, f"corpus-{n}-seed{seed}")
    if not os.path.exists(os.path.join(folder, "planted.tsv")):
        subprocess.run([sys.executable, tool, "--n", str(n), "--seed", str(seed), "--out", folder],
                       check=True)
    return folder


def score(folder: str, findings) -> dict:
    """Recall of the planted copies, and the reported pairs that are not planted copies."""
    with open(os.path.join(folder, "planted.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    planted, by_source = {}, {}
    for r in rows:
        copy, source = (r["copied_file"], int(r["copied_line"])), (r["source_file"], int(r["source_line"]))
        planted[frozenset((copy, source))] = r["kind"]
        by_source.setdefault(source, []).append(copy)
    # two copies of one source paragraph are copies of each other too
    derived = {frozenset((a, b)) for copies in by_source.values() for a in copies for b in copies
               if a[0] != b[0]}
    pairs = set()
    for f in findings:
        if f.rule == "D002":
            for rel in f.related:
                pairs.add(frozenset(((os.path.basename(f.path), f.line),
                                     (os.path.basename(rel.path), rel.line))))
    out = {"planted": len(planted), "pairs": len(pairs)}
    for kind in ("verbatim", "edited"):
        out[kind] = (sum(1 for p, k in planted.items() if k == kind and p in pairs),
                     sum(1 for k in planted.values() if k == kind))
    out["found"] = sum(1 for p in planted if p in pairs)
    out["unplanted"] = sorted(sorted(p) for p in pairs if p not in planted and p not in derived)
    out["missed"] = sorted(sorted(p) + [k] for p, k in planted.items() if p not in pairs)
    return out


def run_one(folder: str, jobs: int, options: dict) -> dict:
    """Lint one batch with the duplicate rules only; time the phases and read peak memory."""
    sys.path.insert(0, os.path.join(HERE, ".."))
    from lintreport import checks
    from lintreport.config import Config
    from lintreport.engine import lint
    kind = checks.get("duplicate-across")
    timing = {}

    def timed(items, rule, ctx):
        start = time.perf_counter()
        yield from kind.func(items, rule, ctx)
        timing["compare"] = time.perf_counter() - start

    checks.CHECKS["duplicate-across"] = dataclasses.replace(kind, func=timed)
    config = Config(select=("duplicate",), rules={"D002": {"options": options}} if options else {})
    start = time.perf_counter()
    result = lint([folder], config, jobs=jobs, lines=False)   # as `check --format json` does
    total = time.perf_counter() - start
    shares = [r.stats.get("copied_share", 0) for r in result.files]
    out = score(folder, result.findings)
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    out.update(reports=len(result.files), seconds=round(total, 2), cpu_seconds=round(cpu, 1),
               compare_seconds=round(timing.get("compare", 0), 2),
               findings={rule: sum(1 for f in result.findings if f.rule == rule)
                         for rule in ("D001", "D002")},
               with_copies=sum(1 for s in shares if s),
               parent_peak_mb=round(own.ru_maxrss / 1024), worker_peak_mb=round(workers.ru_maxrss / 1024))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, action="append", help="batch sizes (default 1000 and 10000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", default=os.path.join("/tmp", "lintreport-bench"))
    ap.add_argument("--make-corpus", default=MAKE_CORPUS, help="path of make_corpus.py")
    ap.add_argument("--option", action="append", default=[], help="D002 option, key=value")
    ap.add_argument("--one", help=argparse.SUPPRESS)      # internal: run one batch, print JSON
    args = ap.parse_args()
    options = {}
    for item in args.option:
        key, _, value = item.partition("=")
        options[key] = float(value) if "." in value else int(value)
    if args.one:
        print(json.dumps(run_one(args.one, args.jobs, options), ensure_ascii=False))
        return
    for n in args.n or [1000, 10000]:
        folder = corpus(n, args.seed, args.work, args.make_corpus)
        cmd = [sys.executable, __file__, "--one", folder, "--jobs", str(args.jobs)]
        cmd += [f"--option={o}" for o in args.option]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        share = len(r["unplanted"]) / max(r["pairs"], 1)
        print(f"{n} reports, {args.jobs} jobs: {r['seconds']} s in all, {r['cpu_seconds']} s of CPU "
              f"({r['compare_seconds']} s comparing across reports in the parent); "
              f"peak memory {r['parent_peak_mb']} MB parent, {r['worker_peak_mb']} MB largest worker")
        print(f"  planted copies found: {r['found']}/{r['planted']} = {r['found'] / max(r['planted'], 1):.1%} "
              f"(verbatim {r['verbatim'][0]}/{r['verbatim'][1]}, edited {r['edited'][0]}/{r['edited'][1]})")
        print(f"  reported pairs: {r['pairs']}, not planted: {len(r['unplanted'])} = {share:.1%}; "
              f"findings D001 {r['findings']['D001']}, D002 {r['findings']['D002']}; "
              f"reports with copied text: {r['with_copies']}")
        for pair in r["unplanted"][:10]:
            print("    not planted:", " ~ ".join(f"{f}:{line}" for f, line in pair))
        for *pair, kind in r["missed"][:10]:
            print(f"    missed ({kind}):", " ~ ".join(f"{f}:{line}" for f, line in pair))


if __name__ == "__main__":
    main()
