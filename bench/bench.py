#!/usr/bin/env python3
"""Benchmarks for lintreport: whole-process start, per-report lint(), batches, CPU ratios.

    python bench/bench.py                       # quick: one report, per-report, 100 and 1,000
    python bench/bench.py --sizes 1000 10000 --runs 3
    python bench/bench.py --json bench/results/latest.json

Batches are made with ../shared/tools/make_corpus.py (cached under bench/results/corpus-N).
Each command runs as a child process and is reaped with os.wait4, whose resource usage
covers the child and every process it waited for (its workers): CPU time is user + system
time summed over all of them, beside wall time. Times are medians over --runs runs; memory
is the peak resident set of the largest process. Where AutoCorrect (pip install
autocorrect-py) is installed, it lints the same files in one process in the same run, and
lintreport's CPU time (and wall time) is given as a multiple of AutoCorrect's: it is the
fastest Chinese linter we know (Rust, spacing and punctuation only), the bar we measure
against. The parent's serial tail (after the last report came back from the workers: the
batch checks, building and writing the JSON) is timed in a child that calls lint() with a
progress callback.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make_corpus.py"
if not MAKE_CORPUS.exists():
    MAKE_CORPUS = Path("/work/shared/tools/make_corpus.py")
SAMPLE = ROOT / "fixtures" / "000_8c642f3c1dbf128b.txt"
AUTOCORRECT = """
import sys, autocorrect_py
n = 0
for p in sys.argv[1:]:
    with open(p, encoding="utf-8") as f:
        n += len(autocorrect_py.lint_for(f.read(), "text").lines)
print(n)
"""
# lint() with jobs=2 in a child: when the last report came back, what the batch checks took
# in the parent, and when the JSON was written (as `check --format json -o FILE` does).
TAIL = """
import json, sys, time
t0 = time.perf_counter()
import lintreport
from lintreport import checks
from lintreport import formatters
last = [t0]
def progress(done, total):
    last[0] = time.perf_counter()
batch = [0.0]
for name, kind in list(checks.load_all().items()):
    if kind.scope == "batch":
        def timed(items, rule, ctx, func=kind.func):
            t = time.perf_counter()
            yield from func(items, rule, ctx)
            batch[0] += time.perf_counter() - t
        checks.CHECKS[name] = type(kind)(**{**kind.__dict__, "func": timed})
# as the command does: records without source lines, the JSON streamed (older versions
# have neither, and are timed as they were)
lean = {"lines": False} if hasattr(formatters, "needs_lines") else {}
result = lintreport.lint([sys.argv[1]], jobs=2, progress=progress, **lean)
t1 = time.perf_counter()
write = getattr(formatters, "writer", lambda name: None)("json")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    if write:
        write(result, f)
    else:
        f.write(formatters.get("json")(result))
t2 = time.perf_counter()
print(json.dumps({"wall": t2 - t0, "tail": t2 - last[0], "batch": batch[0], "json": t2 - t1}))
"""


def lintreport_cmd() -> list[str]:
    exe = shutil.which("lintreport", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "lintreport"]


# Children run as installed programs do: with their bytecode cache (an environment that sets
# PYTHONDONTWRITEBYTECODE would make every run recompile every module).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], capture: bool = False, cwd: str | None = None) -> dict:
    """Wall and CPU seconds (user + system of the child and all it waited for) and the peak
    RSS (MB) of the largest of those processes."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV, cwd=cwd)
    out = proc.stdout.read() if capture else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}… exited {code}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "mb": usage.ru_maxrss / 1024, "out": out}


def median_of(cmd, runs, warm=True) -> dict:
    if warm:
        timed(cmd)              # bytecode and the rules cache are written once
    results = [timed(cmd) for _ in range(runs)]
    return {"wall": statistics.median(r["wall"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results),
            "mb": max(r["mb"] for r in results), "runs": runs}


def corpus(n: int) -> Path:
    out = RESULTS / f"corpus-{n}"
    if not (out / "planted.tsv").exists():
        if not MAKE_CORPUS.exists():
            raise SystemExit(f"need {MAKE_CORPUS} to make the batches")
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--n", str(n), "--seed", "7",
                        "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def bench_start(runs: int) -> dict:
    py = median_of([sys.executable, "-c", "pass"], runs)
    one = median_of(lintreport_cmd() + ["check", "--format", "json", str(SAMPLE)], runs)
    return {"python_start_s": py["wall"], "check_one_report_s": one["wall"],
            "check_one_report_cpu_s": one["cpu"], "ratio_to_python": one["wall"] / py["wall"],
            "peak_mb": one["mb"]}


def bench_in_process(runs: int) -> dict:
    # the lintreport installed for this interpreter (bench/ is on sys.path, the root is not)
    from lintreport import checklist as cl
    from lintreport.config import Config, apply
    from lintreport.engine import lint_path
    config = Config()
    chk = cl.load(config.checklist)
    rules = apply(chk, config)
    seeds = sorted((ROOT / "fixtures").glob("0*.txt"))
    lint_path(str(seeds[0]), chk, rules, config)      # warm: lazy imports, caches
    times = []
    for _ in range(max(runs, 5)):
        for p in seeds:
            t = time.perf_counter()
            lint_path(str(p), chk, rules, config)
            times.append(time.perf_counter() - t)
    return {"lint_per_report_ms": statistics.median(times) * 1000,
            "lint_per_report_max_ms": max(times) * 1000}


def autocorrect_available() -> bool:
    return subprocess.run([sys.executable, "-c", "import autocorrect_py"],
                          capture_output=True).returncode == 0


def bench_batch(n: int, runs: int, with_autocorrect: bool, jobs: list[int]) -> dict:
    folder = corpus(n)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    row = {"reports": n, "runs": runs}
    for j in jobs:
        m = median_of(lintreport_cmd() + ["check", "--format", "json", "--jobs", str(j),
                                          "-o", os.devnull, str(folder)], runs, warm=False)
        row[f"jobs{j}"] = m
    if with_autocorrect:
        row["autocorrect"] = median_of([sys.executable, "-c", AUTOCORRECT, *files], runs,
                                       warm=False)
        for j in jobs:
            row[f"jobs{j}"]["cpu_ratio"] = row[f"jobs{j}"]["cpu"] / row["autocorrect"]["cpu"]
            row[f"jobs{j}"]["wall_ratio"] = row[f"jobs{j}"]["wall"] / row["autocorrect"]["wall"]
    return row


def bench_tail(n: int, runs: int) -> dict:
    """The parent's serial tail with two workers, as a share of wall time (median)."""
    folder = corpus(n)
    out = []
    for _ in range(runs):
        # from / : run from the worktree, `python -c` would import the worktree's lintreport
        # instead of the one installed for this interpreter
        r = timed([sys.executable, "-c", TAIL, str(folder), os.devnull], capture=True, cwd="/")
        out.append(json.loads(r["out"]))
    med = {k: statistics.median(o[k] for o in out) for k in out[0]}
    med["share"] = med["tail"] / med["wall"]
    return med


def print_batch(row: dict, jobs: list[int]) -> None:
    n = row["reports"]
    for j in jobs:
        m = row[f"jobs{j}"]
        line = (f"batch {n:>6}, {j} worker{'s' if j > 1 else ' '}: wall {m['wall']:7.2f} s, "
                f"CPU {m['cpu']:7.2f} s ({m['cpu'] / n * 1000:.2f} ms/report), "
                f"peak {m['mb']:.0f} MB")
        if "cpu_ratio" in m:
            line += f"; ×AutoCorrect: CPU {m['cpu_ratio']:.2f}, wall {m['wall_ratio']:.2f}"
        print(line)
    if "autocorrect" in row:
        a = row["autocorrect"]
        print(f"batch {n:>6}, AutoCorrect: wall {a['wall']:7.2f} s, CPU {a['cpu']:7.2f} s, "
              f"peak {a['mb']:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--big-runs", type=int, default=1,
                    help="runs for batches of 10,000 or more (each takes a minute or more)")
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="worker counts")
    ap.add_argument("--tail", type=int, nargs="*", default=None,
                    help="batch sizes whose serial tail to time (default: every size ≥ 1,000)")
    ap.add_argument("--json", help="also write the numbers to this file")
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"cores": os.cpu_count(), "python": sys.version.split()[0],
              "load": os.getloadavg()[0]}
    report["start"] = bench_start(max(args.runs, 5))
    s = report["start"]
    print(f"python -c pass            {s['python_start_s'] * 1000:7.1f} ms (median)")
    print(f"lintreport check 1 report {s['check_one_report_s'] * 1000:7.1f} ms wall, "
          f"{s['check_one_report_cpu_s'] * 1000:.1f} ms CPU "
          f"= {s['ratio_to_python']:.1f}× interpreter start, peak {s['peak_mb']:.0f} MB")
    report["in_process"] = bench_in_process(args.runs)
    ip = report["in_process"]
    print(f"lint() per sample report  {ip['lint_per_report_ms']:7.1f} ms (median; max "
          f"{ip['lint_per_report_max_ms']:.1f} ms)")
    ac = autocorrect_available()
    if not ac:
        print("AutoCorrect (autocorrect-py) not installed: no ratio")
    report["batches"] = []
    for n in args.sizes:
        row = bench_batch(n, args.runs if n < 10000 else args.big_runs, ac, args.jobs)
        report["batches"].append(row)
        print_batch(row, args.jobs)
    by_n = {r["reports"]: r for r in report["batches"]}
    if 1000 in by_n and 10000 in by_n:
        for j in args.jobs:
            growth = by_n[10000][f"jobs{j}"]["cpu"] / by_n[1000][f"jobs{j}"]["cpu"]
            report[f"cpu_growth_1000_to_10000_jobs{j}"] = growth
            print(f"CPU growth 1,000 → 10,000, {j} worker(s): {growth:.2f}× (linear = 10×)")
    report["tail"] = {}
    for n in (args.tail if args.tail is not None else [n for n in args.sizes if n >= 1000]):
        t = bench_tail(n, args.runs if n < 10000 else args.big_runs)
        report["tail"][n] = t
        print(f"serial tail {n:>6}, 2 workers: {t['tail']:.2f} s of {t['wall']:.2f} s wall = "
              f"{t['share']:.1%} (batch checks {t['batch']:.2f} s, JSON {t['json']:.2f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
