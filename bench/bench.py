#!/usr/bin/env python3
"""Benchmarks for lintreport: whole-process start, per-report lint(), and batches.

    python bench/bench.py                       # quick: one report, per-report, 100 and 1,000
    python bench/bench.py --sizes 100 1000 10000 --runs 3
    python bench/bench.py --json bench/results/latest.json

Batches are made with ../shared/tools/make_corpus.py (cached under bench/results/corpus-N).
Times are medians over --runs runs; memory is the peak resident set of the largest process.
Where AutoCorrect (pip install autocorrect-py) is installed, it lints the same files in the
same run and the ratio lintreport/AutoCorrect is printed: it is the fastest Chinese linter we
know (Rust, spacing and punctuation only), the bar we measure against.
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
SAMPLE = ROOT / "fixtures" / "000_8c642f3c1dbf128b.txt"
AUTOCORRECT = """
import sys, autocorrect_py
n = 0
for p in sys.argv[1:]:
    with open(p, encoding="utf-8") as f:
        n += len(autocorrect_py.lint_for(f.read(), "text").lines)
print(n)
"""


def lintreport_cmd() -> list[str]:
    exe = shutil.which("lintreport", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "lintreport"]


# Children run as installed programs do: with their bytecode cache (an environment that sets
# PYTHONDONTWRITEBYTECODE would make every run recompile every module).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process the command ran."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}… exited {code}")
    return wall, usage.ru_maxrss / 1024


def median_of(cmd, runs, warm=True):
    if warm:
        timed(cmd)              # bytecode and the rules cache are written once
    results = [timed(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def corpus(n: int) -> Path:
    out = RESULTS / f"corpus-{n}"
    if not (out / "planted.tsv").exists():
        if not MAKE_CORPUS.exists():
            raise SystemExit(f"need {MAKE_CORPUS} to make the batches")
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--n", str(n), "--seed", "7",
                        "--out", str(out)], check=True)
    return out


def bench_start(runs: int) -> dict:
    py, _ = median_of([sys.executable, "-c", "pass"], runs)
    one, mem = median_of(lintreport_cmd() + ["check", "--format", "json", str(SAMPLE)], runs)
    return {"python_start_s": py, "check_one_report_s": one, "ratio_to_python": one / py,
            "peak_mb": mem}


def bench_in_process(runs: int) -> dict:
    sys.path.insert(0, str(ROOT))
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


def bench_batch(n: int, runs: int, with_autocorrect: bool) -> dict:
    folder = corpus(n)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    row = {"reports": n}
    wall, mem = median_of(lintreport_cmd() + ["check", "--format", "json", "-o", os.devnull,
                                              str(folder)], runs, warm=False)
    row.update(lintreport_s=wall, lintreport_peak_mb=mem, per_report_ms=wall / n * 1000)
    if with_autocorrect:
        ac, ac_mem = median_of([sys.executable, "-c", AUTOCORRECT, *files], runs, warm=False)
        row.update(autocorrect_s=ac, autocorrect_peak_mb=ac_mem, ratio_to_autocorrect=wall / ac)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--json", help="also write the numbers to this file")
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    report["start"] = bench_start(max(args.runs, 5))
    s = report["start"]
    print(f"python -c pass            {s['python_start_s'] * 1000:7.1f} ms (median)")
    print(f"lintreport check 1 report {s['check_one_report_s'] * 1000:7.1f} ms "
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
        row = bench_batch(n, args.runs if n < 10000 else 1, ac)
        report["batches"].append(row)
        line = (f"batch {n:>6}: lintreport {row['lintreport_s']:7.2f} s "
                f"({row['per_report_ms']:.1f} ms/report, peak {row['lintreport_peak_mb']:.0f} MB)")
        if ac:
            line += (f"; AutoCorrect {row['autocorrect_s']:6.2f} s; "
                     f"ratio {row['ratio_to_autocorrect']:.2f}×")
        print(line)
    by_n = {r["reports"]: r for r in report["batches"]}
    if 1000 in by_n and 10000 in by_n:
        growth = by_n[10000]["lintreport_s"] / by_n[1000]["lintreport_s"]
        report["growth_1000_to_10000"] = growth
        print(f"growth 1,000 → 10,000: {growth:.1f}× (linear = 10×)")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
