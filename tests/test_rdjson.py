"""rdjson for reviewdog: columns in UTF-8 bytes (a Chinese character is 3), end exclusive."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lintreport import checklist as cl
from lintreport.cli import main
from lintreport.engine import FileResult, LintResult
from lintreport.finding import Finding, Fix, Severity
from lintreport.formatters import get
from lintreport.formatters.rdjson import byte_column
from tests.conftest import SEEDS


def _result(path, findings, error=None):
    """A result whose record holds the file's lines, as the engine's record does."""
    chk = cl.load("township")
    texts = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = tuple((n, t, None, 0) for n, t in enumerate(texts, 1))
    return LintResult([FileResult(str(path), findings, error=error, lines=lines)], chk, chk.rules)


def _finding(path, line, column, end_column, fix=None):
    return Finding(str(path), line, column, "P001", line, end_column, "punctuation",
                   Severity.WARNING, "连续两个句号", "GB/T 15834—2011", fix=fix)


def test_byte_columns():
    assert byte_column("一二三", 1) == 1
    assert byte_column("一二三", 3) == 7
    assert byte_column("ab一c", 4) == 6
    assert byte_column("", 1) == 1


def test_columns_count_utf8_bytes(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("标题\n2025年,我镇。。工作\n", encoding="utf-8")
    # "。。" are characters 9–10 of line 2: 5 ASCII bytes and 3 Chinese characters before
    out = json.loads(get("rdjson")(_result(path, [_finding(path, 2, 9, 11)])))
    (d,) = out["diagnostics"]
    assert d["location"]["range"] == {"start": {"line": 2, "column": 15},
                                      "end": {"line": 2, "column": 21}}
    line = path.read_bytes().split(b"\n")[1]
    assert line[15 - 1:21 - 1].decode("utf-8") == "。。"
    assert d["severity"] == "WARNING" and d["code"]["value"] == "P001"
    assert "GB/T 15834" in d["message"] and out["source"]["name"] == "lintreport"


def test_suggestion_and_whole_line(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一二三。。\n", encoding="utf-8")
    fix = Fix(1, 4, 6, "。")
    whole = Finding(str(path), 1, 1, "M001", 1, None, "metadata", Severity.ERROR, "缺少标题",
                    "《党政机关公文格式》(GB/T 9704—2012)")
    out = json.loads(get("rdjson")(_result(path, [_finding(path, 1, 4, 6, fix), whole])))
    fixed, line = out["diagnostics"]
    assert fixed["suggestions"] == [{"range": {"start": {"line": 1, "column": 10},
                                               "end": {"line": 1, "column": 16}}, "text": "。"}]
    assert line["location"]["range"] == {"start": {"line": 1}, "end": {"line": 1}}
    assert line["severity"] == "ERROR"


def test_unreadable_file_is_one_error_diagnostic(tmp_path):
    out = json.loads(get("rdjson")(_result(tmp_path / "x.doc", [], error="旧版Word格式")))
    assert out["diagnostics"] == [{"message": "旧版Word格式",
                                   "location": {"path": str(tmp_path / "x.doc")},
                                   "severity": "ERROR", "source": out["source"]}]


def test_cli_rdjson_matches_the_json_columns():
    """Every diagnostic's byte range covers the same characters as the JSON finding's."""
    runner = CliRunner()
    paths = [str(p) for p in SEEDS]
    rd = json.loads(runner.invoke(main, ["check", "--format", "rdjson", *paths]).output)
    js = json.loads(runner.invoke(main, ["check", "--format", "json", *paths]).output)
    findings = [f for file in js["files"] for f in file["findings"]]
    assert len(rd["diagnostics"]) == len(findings) > 0
    checked = 0
    for d, f in zip(rd["diagnostics"], findings):
        assert d["code"]["value"] == f["rule"]
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        if "column" not in start or f["end_line"] != f["line"]:
            continue
        with open(d["location"]["path"], encoding="utf-8") as fh:
            text = fh.read().splitlines()[f["line"] - 1]
        got = text.encode("utf-8")[start["column"] - 1:end["column"] - 1].decode("utf-8")
        assert got == text[f["column"] - 1:f["end_column"] - 1]
        checked += 1
    assert checked > 0
