"""A big batch without holding everything: the JSON streamed report by report, records without
source lines when the format does not read them, D002's texts in a spool the engine removes."""
from __future__ import annotations

import glob
import io
import json
import os
import shutil
import tempfile

import pytest

from lintreport.config import Config
from lintreport.engine import lint
from lintreport.engine import spool
from lintreport.formatters import get, needs_lines, writer
from lintreport.formatters import json as J

from tests.conftest import SEEDS


def _batch(tmp_path, n=30):
    for i in range(n):                      # above the size where workers start
        shutil.copy(SEEDS[i % 5], tmp_path / f"{i:02d}.txt")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    return str(tmp_path)


def _spools() -> set[str]:
    return set(glob.glob(os.path.join(tempfile.gettempdir(), "lintreport-*")))


@pytest.fixture(autouse=True)
def own_tempdir(tmp_path, monkeypatch):
    """Spools of this test only (other runs on the machine make their own)."""
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))


def test_streamed_json_is_byte_for_byte_the_whole_string(tmp_path):
    result = lint([_batch(tmp_path)], Config(), jobs=2)
    out = io.StringIO()
    writer("json")(result, out)
    assert out.getvalue() == get("json")(result)
    assert json.loads(out.getvalue())["files"][0]["findings"]
    empty = type(result)([], result.checklist, result.rules, "x.yaml")   # no reports at all
    out = io.StringIO()
    J.write(empty, out)
    assert out.getvalue() == J.format(empty) and json.loads(out.getvalue())["files"] == []


def test_only_formats_that_read_lines_get_them(tmp_path):
    assert not needs_lines("json") and needs_lines("rdjson")
    assert writer("json") is not None and writer("sarif") is None
    folder = _batch(tmp_path)
    full = lint([folder], Config(), jobs=2)
    lean = lint([folder], Config(), jobs=2, lines=False)
    assert all(r.lines == () for r in lean.files)
    assert any(r.lines for r in full.files)
    assert J.format(lean) == J.format(full)      # the same findings, figures and facts


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_spool_finds_the_copies_and_is_removed(tmp_path, jobs):
    result = lint([_batch(tmp_path)], Config(), jobs=jobs)
    copies = [f for r in result.files for f in r.findings if f.rule == "D002"]
    assert copies and all(f.excerpt for f in copies)
    assert _spools() == set()


def test_the_spool_is_removed_when_the_batch_fails(tmp_path, monkeypatch):
    from lintreport.engine import batch

    def broken(*args, **kwargs):
        assert len(_spools()) == 1 and os.listdir(*_spools())   # the workers' files
        raise KeyboardInterrupt
    monkeypatch.setattr(batch, "run_batch", broken)
    with pytest.raises(KeyboardInterrupt):
        lint([_batch(tmp_path)], Config(), jobs=2)
    assert _spools() == set()


def test_spool_texts_round_trip_across_processes():
    texts = ["依法行政", "", "法治政府建设𠀀年度报告", "x" * 1000]
    with spool.for_batch(True) as store:
        pid = os.fork()
        if pid == 0:            # a worker writes its own file; the parent reads it
            ref = store.put(texts)
            with open(os.path.join(store.folder, "ref"), "w") as f:
                f.write(json.dumps([ref[0], list(ref[1])]))
            os._exit(0)
        os.waitpid(pid, 0)
        with open(os.path.join(store.folder, "ref")) as f:
            child, starts = json.load(f)
        mine = store.put(texts[::-1])
        from array import array
        assert [store.get((child, array("Q", starts)), i) for i in range(4)] == texts
        assert [store.get(mine, i) for i in range(4)] == texts[::-1]
        folder = store.folder
    assert not os.path.exists(folder)
    memory = spool.Memory()
    assert memory.get(memory.put(texts), 2) == texts[2]


def test_check_streams_the_same_json_to_a_file_and_to_stdout(tmp_path):
    from click.testing import CliRunner
    from lintreport.cli import main
    (tmp_path / "reports").mkdir()
    folder = _batch(tmp_path / "reports")
    out = tmp_path / "out.json"
    run = CliRunner().invoke(main, ["check", "--format", "json", "-o", str(out), folder])
    printed = CliRunner().invoke(main, ["check", "--format", "json", folder])
    assert run.exit_code == printed.exit_code == 2          # bad.txt: named, the batch goes on
    whole = J.format(lint([folder], Config()))
    assert out.read_text(encoding="utf-8") == printed.stdout == whole


def _in_worker(path, *setup_and_reference):
    import sys
    return "lintreport.minhash" in sys.modules


def test_preloaded_modules_are_imported_before_the_workers_fork(monkeypatch):
    """D002 declares numpy's minhash as a preload: imported once in the parent, inherited by
    every forked worker (which then finds it already loaded); a serial run imports nothing."""
    import sys

    from lintreport import checks
    from lintreport.engine.pool import PARALLEL_FROM, map_files
    assert checks.get("duplicate-across").preload == ("lintreport.minhash",)
    items = [(str(i), False) for i in range(PARALLEL_FROM)]
    monkeypatch.delitem(sys.modules, "lintreport.minhash", raising=False)
    assert map_files(items[:2], _in_worker, (), jobs=2, preload=("lintreport.minhash",)) == \
        [False, False]          # too few files to fork: nothing imported ahead
    assert "lintreport.minhash" not in sys.modules
    if not sys.platform.startswith("linux"):
        pytest.skip("workers are spawned, not forked, here")
    assert all(map_files(items, _in_worker, (), jobs=2, preload=("lintreport.minhash",)))
    assert "lintreport.minhash" in sys.modules
    # a module that cannot be imported is left for the check in the worker to report
    assert len(map_files(items, _in_worker, (), jobs=2, preload=("no_such_module_x",))) == len(items)


def test_records_are_frozen_while_received_and_unfrozen_after(tmp_path, monkeypatch):
    """map_files takes the records it keeps out of the collector's scans (gc.freeze), and
    lint() gives them back: a library leaves nothing frozen."""
    import gc

    from lintreport.engine import pool
    frozen = []
    monkeypatch.setattr(pool, "FREEZE_EVERY", 4)
    result = lint([_batch(tmp_path)], Config(), jobs=2,
                  progress=lambda done, total: frozen.append(gc.get_freeze_count()))
    assert max(frozen) > 0 and gc.get_freeze_count() == 0
    assert len(result.files) == 31
