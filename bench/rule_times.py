#!/usr/bin/env python3
"""CPU time per check kind over a batch, in one process: where a report's time goes.

    .venv/bin/python bench/rule_times.py                  # the 1,000-report corpus (seed 7)
    .venv/bin/python bench/rule_times.py --n 100 --top 15

Each check kind's function (and a batch check's per-report `collect`) is wrapped in a timer
(time.process_time, so a busy machine does not inflate it); reading, parsing and the batch
checks in the parent are timed too. Unlike cProfile it adds almost nothing per call, so the
shares are those of a normal run.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    from bench import corpus
    import lintreport.engine as engine
    from lintreport import checks, document, read
    spent: dict[str, float] = defaultdict(float)

    def timer(name, func):
        def run(*a, **k):
            t = time.process_time()
            out = func(*a, **k)
            if hasattr(out, "__next__"):
                out = list(out)
            spent[name] += time.process_time() - t
            return out
        return run

    kinds = checks.load_all()
    for name, kind in list(kinds.items()):
        kinds[name] = replace(kind, func=timer(kind.name, kind.func),
                              collect=kind.collect and timer(kind.name + " (collect)",
                                                             kind.collect))
    # where the engine looks read() and parse() up (a module of the engine package, or the
    # engine module itself before it was split)
    run = getattr(engine, "run", engine)
    run = run if hasattr(run, "parse") else engine
    if hasattr(run, "read"):
        run.read = timer("(read)", read.read)
    run.parse = timer("(parse)", document.parse)
    folder = corpus(args.n)
    t = time.process_time()
    engine.lint([str(folder)], jobs=1)
    total = time.process_time() - t
    print(f"{args.n} reports, one process: {total:.2f} s CPU "
          f"({total / args.n * 1000:.2f} ms/report)")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{s:7.3f} s {s / total:6.1%}  {name}")
    rest = total - sum(spent.values())
    print(f"{rest:7.3f} s {rest / total:6.1%}  (the rest: engine, said_once, results)")


if __name__ == "__main__":
    main()
