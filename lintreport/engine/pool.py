"""Spreading a batch over the cores: each worker reads, parses and checks whole reports and
sends back their records (without the parsed Document, which stays in the worker)."""
from __future__ import annotations

import gc
import os
import sys

PARALLEL_FROM = 24      # below this many files, starting workers costs more than it saves
# Reports the parent checks itself before it forks the workers. The first reports of a
# process pay its lazy set-up: patterns compiled on first use, D001's character table, the
# CRC table of D002's signatures, the triggers (built from a kind's second use, trigger.py):
# ≈ 110 ms over the first three, then ≈ 4 ms a report. Done in the parent, the workers
# inherit it all instead of each doing it again; the reports are checked either way.
WARM_UP = 3
FREEZE_EVERY = 512      # records received between two gc.freeze()

_worker: dict = {}


def _init_worker(work, setup):
    _worker.update(work=work, setup=setup)


def _call(item):
    path, reference = item
    return _worker["work"](path, *_worker["setup"], reference)


def map_files(items, work, setup: tuple, jobs: int | None = None, progress=None,
              preload: tuple[str, ...] = ()) -> list:
    """[work(path, *setup, reference) for (path, reference) in items], in order, on every
    core for large batches. `work` must be a module-level function; `preload` names modules
    to import before forking the workers, which inherit them, as they inherit what the
    parent set up checking the first WARM_UP items itself. The records are frozen out of
    the collector's scans as they come (gc.freeze): the caller unfreezes when it is done
    with the batch, as batch.lint() does."""
    jobs = jobs or os.cpu_count() or 1
    done = []

    def keep(record):
        done.append(record)
        if len(done) % FREEZE_EVERY == 0:
            # the records are kept to the end and hold no reference cycles: out of the
            # collector's generations, full collections stop re-scanning all of them (at
            # 10,000 reports about 1 s of the parent's CPU). batch.lint() unfreezes.
            gc.freeze()
        if progress:
            progress(len(done), len(items))

    def run(part):
        for path, reference in part:
            keep(work(path, *setup, reference))

    if jobs > 1 and len(items) >= PARALLEL_FROM:
        import concurrent.futures as cf
        import importlib
        import multiprocessing as mp
        for module in preload:
            try:
                importlib.import_module(module)
            except ImportError:     # the check in the worker says what is missing
                pass
        # fork: workers inherit the loaded checklist instead of unpickling it
        method = "fork" if sys.platform.startswith("linux") else None
        warm = WARM_UP if method == "fork" else 0   # spawned workers would start afresh
        run(items[:warm])
        rest = items[warm:]
        with cf.ProcessPoolExecutor(jobs, mp.get_context(method), _init_worker,
                                    (work, setup)) as pool:
            chunk = max(1, len(rest) // (jobs * 8))
            for out in pool.map(_call, rest, chunksize=chunk):
                keep(out)
    else:
        run(items)
    return done
