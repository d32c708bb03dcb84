"""Formatters against golden files (regenerate with UPDATE_GOLDEN=1), and format contracts."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lintreport.cli import main
from lintreport.finding import Finding, Fix, Related, Severity

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
INPUTS = ["fixtures/001_593f4c6809c4721a.txt", "fixtures/002_39a5e75fde224abe.txt"]
CORE = "structure,coverage,metadata"


def render(fmt: str, monkeypatch, env=None) -> str:
    monkeypatch.chdir(ROOT)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    r = CliRunner().invoke(main, ["check", "--format", fmt, "--select", CORE, "--no-color",
                                  *INPUTS], catch_exceptions=False)
    assert r.exit_code == 1
    return r.stdout


@pytest.mark.parametrize("fmt,ext", [("text", "txt"), ("json", "json"), ("sarif", "sarif"),
                                     ("github", "github.txt")])
def test_golden(fmt, ext, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = render(fmt, monkeypatch)
    if fmt == "json":               # compact on the wire; compared pretty, for readable diffs
        assert out.count("\n") == 1
        out = json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("json", "sarif"):    # the tool's version is not part of the contract
        out = out.replace(json.dumps(__import__("lintreport").__version__), '"VERSION"')
    path = GOLDEN / f"core.{ext}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_sarif_shape(monkeypatch):
    data = json.loads(render("sarif", monkeypatch))
    run = data["runs"][0]
    assert data["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(ids) and "S004" in ids
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"]["primaryLocationLineHash"]
        assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_github_commands_escape_and_summary(monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    out = render("github", monkeypatch, {"GITHUB_STEP_SUMMARY": str(summary)})
    lines = out.splitlines()
    assert all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines)
    assert all("\n" not in l for l in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## lintreport 检查结果") and "| 报告 |" in text
    # annotations and the summary name each rule by its Chinese title
    assert "title=S004 缺少第一责任人履职情况::" in out and "| S004 缺少第一责任人履职情况 |" in text


def test_github_escaping():
    from lintreport.formatters.github import _data, _prop
    assert _data("50%\n下一行") == "50%25%0A下一行"
    assert _prop("a:b,c") == "a%3Ab%2Cc"


_TEXT = st.text(st.characters(blacklist_categories=()), max_size=12)     # quotes, controls, all planes
_NUMBER = st.integers(0, 10**6)


@settings(max_examples=300, deadline=None)
@given(st.builds(
    Finding, path=_TEXT, line=_NUMBER, column=_NUMBER, rule=_TEXT, end_line=_NUMBER,
    end_column=st.none() | _NUMBER, category=_TEXT, severity=st.sampled_from(Severity),
    message=_TEXT, source=_TEXT,
    related=st.lists(st.builds(Related, _TEXT, _NUMBER, st.just("") | _TEXT), max_size=3)
    .map(tuple),
    excerpt=_TEXT, fix=st.none() | st.builds(Fix, _NUMBER, _NUMBER, _NUMBER, _TEXT)))
def test_json_writes_a_finding_as_dumps_of_its_dict(finding):
    from lintreport.formatters import json as J
    assert J.finding_json(finding) == J._dumps(finding.to_dict())
    assert json.loads(J.finding_json(finding)) == finding.to_dict()
