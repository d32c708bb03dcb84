"""The engine: parallel and serial runs agree; inline switches; internal errors stay contained."""
from __future__ import annotations

import shutil

from lintreport import checks
from lintreport.config import Config
from lintreport.engine import lint, lint_text

from tests.conftest import SEEDS


def _key(result):
    return [(r.path, r.report_year, r.error, [f.to_dict() for f in r.findings])
            for r in result.files]


def test_parallel_batch_equals_serial(tmp_path):
    for i in range(30):                     # above the size where workers start
        shutil.copy(SEEDS[i % 5], tmp_path / f"{i:02d}.txt")
    serial = lint([str(tmp_path)], Config(), jobs=1, fixes=True)
    parallel = lint([str(tmp_path)], Config(), jobs=2, fixes=True)
    assert _key(serial) == _key(parallel)
    # the whole record crosses the process boundary: lines, fixes, figures, outline…
    assert serial.files == parallel.files
    assert all(r.document is None and r.batch == {} for r in parallel.files)
    assert all(r.lines and r.stats["copied_share"] > 0 for r in parallel.files)
    assert any(len(r.fixes) for r in parallel.files)
    copies = [f for r in parallel.files for f in r.findings if f.rule == "D002"]
    assert copies, "identical reports are found across the batch"


def test_inline_switches_hide_document_and_batch_findings(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8")
    lines = text.splitlines()
    lines.insert(0, "<!-- lintreport-disable C002 -->")
    disabled = lint_text("\n".join(lines), Config(), path="r.md")
    assert not [f for f in disabled.findings if f.rule == "C002"]
    assert [f for f in lint_text(text, Config()).findings if f.rule == "C002"]
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(text, encoding="utf-8")
    b.write_text("<!-- lintreport-disable D002 -->\n" + text, encoding="utf-8")
    result = lint([str(a), str(b)], Config(select=("D002",)), jobs=1)
    by_name = {r.path: r.findings for r in result.files}
    assert by_name[str(b)] == [] and by_name[str(a)]


def test_next_line_switch():
    text = "一、主要举措和成效\n<!-- lintreport-disable-next-line P001 -->\n推进依法行政。。\n落实责任。。"
    result = lint_text(text, Config(select=("P001",)))
    assert [f.line for f in result.findings] == [4]


def test_a_crashing_check_is_reported_not_raised(monkeypatch):
    kind = checks.get("title-present")

    def boom(doc, rule, ctx):
        raise RuntimeError("boom")
        yield

    monkeypatch.setitem(checks.CHECKS, "title-present", kind.__class__(
        kind.name, boom, kind.options, kind.scope, kind.collect, kind.doc))
    result = lint_text(SEEDS[0].read_text(encoding="utf-8"), Config())
    assert "M001" in result.error and "boom" in result.error
    assert result.findings, "the other rules still report"


def test_a_missing_dependency_is_named_once(monkeypatch):
    def needs_module(doc, rule, ctx):
        import lintreport_no_such_module  # noqa: F401
        yield

    for name in ("title-present", "closing-present"):
        original = checks.get(name)
        monkeypatch.setitem(checks.CHECKS, name, original.__class__(
            original.name, needs_module, original.options, original.scope, original.collect,
            original.doc))
    result = lint_text(SEEDS[0].read_text(encoding="utf-8"), Config())
    assert result.error.count("缺少依赖库 lintreport_no_such_module") == 1
    assert "pip install" in result.error


def test_a_switch_on_the_first_line_is_not_the_title():
    body = "2025年，那吾镇坚持依法行政。\n一、主要举措和成效\n推进依法行政。"
    with_switch = lint_text("<!-- lintreport-disable C002 -->\n那吾镇2025年法治政府建设工作报告\n" + body,
                            Config(select=("M001",)))
    assert with_switch.findings == []
    # and it does not hide a missing title either: the text after it is what is judged
    missing = lint_text("<!-- lintreport-disable C002 -->\n市委、市政府：\n" + body,
                        Config(select=("M001",)))
    assert [f.rule for f in missing.findings] == ["M001"]


def test_a_switch_at_the_end_of_a_line_is_not_text():
    text = "一、主要举措和成效\n推进依法行政。。<!-- lintreport-disable-line P001 -->\n落实责任  工作。"
    result = lint_text(text, Config(select=("P002", "P001")))
    assert [(f.rule, f.line) for f in result.findings] == [("P002", 3)]
