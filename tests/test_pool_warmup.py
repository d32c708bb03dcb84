"""The parent of a parallel batch checks the first WARM_UP items itself (its lazy set-up is
then inherited by the forked workers), the workers the rest; results keep the items' order
and progress counts every item once."""
from __future__ import annotations

import os
import sys

import pytest

from lintreport.engine.pool import PARALLEL_FROM, WARM_UP, map_files


def _where(path, reference):
    return path, os.getpid()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_first_items_in_the_parent_the_rest_in_workers():
    items = [(str(i), False) for i in range(PARALLEL_FROM + 5)]
    calls = []
    out = map_files(items, _where, (), jobs=2, progress=lambda d, t: calls.append((d, t)))
    assert [p for p, _ in out] == [p for p, _ in items]
    assert all(pid == os.getpid() for _, pid in out[:WARM_UP])
    assert all(pid != os.getpid() for _, pid in out[WARM_UP:])
    assert calls == [(i, len(items)) for i in range(1, len(items) + 1)]


def test_serial_run_stays_in_the_process():
    items = [(str(i), False) for i in range(PARALLEL_FROM + 5)]
    out = map_files(items, _where, (), jobs=1)
    assert out == [(p, os.getpid()) for p, _ in items]
