"""One path: every consumer reads the engine's record of a report; none reads, parses or
checks a report a second time (serve, review, review --annotate, rdjson, --fix, annotate)."""
from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from lintreport import document, read as reading
from lintreport.annotate import annotate_file
from lintreport.annotate.batch import annotate_review
from lintreport.config import Config
from lintreport.engine import Figures, lint
from lintreport.engine import run as engine_run
from lintreport.fix import fix_files
from lintreport.formatters import get
from lintreport.review import review
from lintreport.serve import page
from lintreport.serve.work import Checker, Upload
from tests.conftest import SEEDS, make_docx


@pytest.fixture
def calls(monkeypatch):
    """Counts of read(), parse() and check_document() calls, wherever they are imported
    (the modules above are loaded, so that every binding of the three is counted)."""
    counts: Counter = Counter()
    real = {"read": reading.read, "parse": document.parse,
            "check_document": engine_run.check_document}

    def counted(name):
        def spy(*args, **kwargs):
            counts[name] += 1
            return real[name](*args, **kwargs)
        return spy
    for module in list(sys.modules.values()):
        if not (getattr(module, "__name__", "") or "").startswith("lintreport"):
            continue
        for name, func in real.items():
            if getattr(module, name, None) is func:
                monkeypatch.setattr(module, name, counted(name))
    return counts


def _report_text():
    # a seed with half-width marks, so there is something to fix
    return SEEDS[0].read_text(encoding="utf-8").replace("，", ",", 3)


def test_a_serve_check_reads_parses_and_checks_the_upload_once(calls):
    checker = Checker()
    calls.clear()
    checked = checker.check(Upload("报告.txt", _report_text().encode(), "township"))
    page.result(checked)        # the answer the page gets, rendered from the record
    assert (calls["read"], calls["parse"], calls["check_document"]) == (1, 1, 1)
    assert checked.fixable == len(set(checked.report.result.fixes)) > 0
    assert checked.fixes        # each fix said in words, from the same record


def test_review_and_its_annotated_copies_read_each_report_once(calls, tmp_path):
    (tmp_path / "a.txt").write_text(_report_text(), encoding="utf-8")
    make_docx(tmp_path / "b.docx", SEEDS[1].read_text(encoding="utf-8").splitlines())
    done = review([str(tmp_path)], jobs=1)
    assert (calls["read"], calls["parse"], calls["check_document"]) == (2, 2, 2)
    assert all(r.lines and r.place for r in done.reports)
    notes = annotate_review(done, str(tmp_path / "out"))
    assert len(notes) == 2 and all("条批注" in n for n in notes), notes
    assert (calls["read"], calls["parse"], calls["check_document"]) == (2, 2, 2)


def test_rdjson_takes_the_line_texts_from_the_record(calls, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(_report_text(), encoding="utf-8")
    result = lint([str(path)])
    calls.clear()
    out = json.loads(get("rdjson")(result))
    assert calls["read"] == 0 and calls["parse"] == 0
    assert any("column" in d["location"]["range"]["start"] for d in out["diagnostics"])


def test_fix_starts_from_the_records_fixes(calls, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(_report_text(), encoding="utf-8")
    result = lint([str(path)], fixes=True)
    assert lint([str(path)]).files[0].fixes is None       # not worked out unless asked
    calls.clear()
    report = fix_files(result, Config())
    assert report.changed == 1 and "," not in path.read_text(encoding="utf-8")[:400]
    # the first pass is the record's; only the fixed text is checked again (pass two)
    assert calls["check_document"] == calls["parse"] == 1


def test_annotate_a_file_reads_and_checks_it_once(calls, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(_report_text(), encoding="utf-8")
    dest, done = annotate_file(str(path))
    assert done.comments > 1
    assert (calls["read"], calls["parse"], calls["check_document"]) == (1, 1, 1)


def test_batch_figures_are_typed_and_apart_from_the_findings(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = lint([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    for r in result.files:
        assert isinstance(r.figures, Figures) and r.figures.copied_share is not None
        assert r.stats == {"lines": r.figures.lines, "copied_share": r.figures.copied_share}
        assert all(hasattr(f, "rule") for f in r.findings)
