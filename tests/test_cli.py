"""The command line: exit codes, one-line errors, batches that go on past a bad file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from lintreport.cli import main

from tests.conftest import SEEDS, make_docx

CORE = "structure,coverage,metadata"


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def test_check_sample_reports_exit_1_with_findings():
    r = run("check", "--format", "json", "--select", CORE, *map(str, SEEDS))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [os.path.basename(f["path"]) for f in data["files"]] == [p.name for p in SEEDS]
    assert {f["report_year"] for f in data["files"]} == {2023, 2024, 2025}
    first = data["files"][1]["findings"][0]
    assert set(first) >= {"rule", "category", "severity", "line", "column", "end_line",
                          "message", "source", "related"}


def test_clean_report_exits_0(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("\n".join([
        "那吾镇2025年法治政府建设工作报告",
        "一、推进法治政府建设的主要举措和成效",
        "全面推行行政执法“三项制度”,领导干部年终述法,重大行政决策严格合法性审查,聘请法律顾问,"
        "办理行政复议和行政应诉案件,推进政务公开和普法,学习习近平法治思想。",
        "二、存在的不足和原因", "执法力量薄弱,主要原因在于培训不足。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "镇党委书记带头学法,镇长主持政府常务会议。",
        "四、下一年度工作安排", "继续推进。", "那吾镇人民政府", "2025年12月9日"]),
        encoding="utf-8")
    r = run("check", "--select", CORE, str(path))
    assert r.exit_code == 0, r.output
    assert "未发现问题" in r.stdout


def test_fail_on_error_ignores_warnings(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("市委、市政府:\n" + SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert run("check", "--select", "M001", str(path)).exit_code == 1
    assert run("check", "--select", "M001", "--fail-on", "error", str(path)).exit_code == 0
    assert run("check", "--select", "M001", "--exit-zero", str(path)).exit_code == 0


@pytest.mark.parametrize("name,content,words", [
    ("missing.txt", None, "不存在"),
    ("report.xlsx", b"PK\x03\x04", "不支持"),
    ("report.doc", b"\xd0\xcf\x11\xe0", ".docx"),
    ("broken.docx", b"PK\x03\x04broken", "docx"),
])
def test_bad_input_one_line_exit_2_and_batch_goes_on(tmp_path, name, content, words):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    r = run("check", "--format", "json", "--select", CORE, str(bad), str(SEEDS[1]))
    assert r.exit_code == 2
    errors = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(errors) == 1 and str(bad) in errors[0] and words in errors[0]
    assert "Traceback" not in r.output
    files = {os.path.basename(f["path"]): f for f in json.loads(r.stdout)["files"]}
    assert files[SEEDS[1].name]["findings"], "the good report is still linted"
    assert files[name]["error"]


def test_malformed_checklist_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("checklist: bad\nrules:\n  - id: S001\n    name: x\n    colour: red\n",
                   encoding="utf-8")
    r = run("check", "--checklist", str(bad), str(SEEDS[0]))
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1
    assert str(bad) in r.stderr and "S001" in r.stderr and "colour" in r.stderr


def test_unknown_select_and_bad_config(tmp_path):
    r = run("check", "--select", "NOPE", str(SEEDS[0]))
    assert r.exit_code == 2 and "NOPE" in r.stderr
    conf = tmp_path / ".lintreport.yaml"
    conf.write_text("fail_on: error\n", encoding="utf-8")
    r = run("check", "--config", str(conf), str(SEEDS[0]))
    assert r.exit_code == 2 and "fail_on" in r.stderr and str(conf) in r.stderr


def test_folder_is_searched_for_reports(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "sub" / "a.txt")
    (tmp_path / "notes.xlsx").write_bytes(b"x")     # not a report: skipped inside folders
    r = run("check", "--format", "json", "--select", CORE, str(tmp_path))
    assert [os.path.basename(f["path"]) for f in json.loads(r.stdout)["files"]] == ["a.txt"]


def test_docx_with_word_numbering_gets_the_same_findings(tmp_path):
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    docx_path = make_docx(tmp_path / "那吾镇.docx", lines)
    txt = json.loads(run("check", "--format", "json", "--select", CORE, str(SEEDS[0])).stdout)
    doc = json.loads(run("check", "--format", "json", "--select", CORE, str(docx_path)).stdout)
    key = lambda f: (f["rule"], f["line"])  # noqa: E731 - paragraphs are the lines here
    assert sorted(map(key, doc["files"][0]["findings"])) == \
        sorted(map(key, txt["files"][0]["findings"]))
    assert doc["files"][0]["report_year"] == 2025


def test_gb18030_copy_gets_the_same_findings(tmp_path):
    for seed in SEEDS[:4]:
        copy = tmp_path / seed.name
        copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
        a = json.loads(run("check", "--format", "json", str(seed)).stdout)["files"][0]
        b = json.loads(run("check", "--format", "json", str(copy)).stdout)["files"][0]
        strip = lambda fs: [{k: v for k, v in f.items() if k != "related"} for f in fs]  # noqa
        assert strip(a["findings"]) == strip(b["findings"])


def test_rules_and_explain():
    r = run("rules")
    assert r.exit_code == 0 and "S003" in r.stdout and "C001" in r.stdout
    r = run("explain", "S003")
    assert r.exit_code == 0 and "依据" in r.stdout and "督察工作规定" in r.stdout
    r = run("explain", "Z999")
    assert r.exit_code == 2 and "Z999" in r.stderr


def test_console_script_and_module_entry_point():
    exe = shutil.which("lintreport", path=os.path.dirname(sys.executable))
    out = subprocess.run([sys.executable, "-m", "lintreport", "--version"], capture_output=True,
                         text=True)
    assert out.returncode == 0 and "lintreport" in out.stdout
    if exe:
        out = subprocess.run([exe, "rules"], capture_output=True, text=True)
        assert out.returncode == 0 and "S001" in out.stdout


def test_config_file_found_upward(tmp_path, monkeypatch):
    (tmp_path / ".lintreport.yaml").write_text("ignore: [coverage]\nfail-on: error\n",
                                               encoding="utf-8")
    (tmp_path / "deep").mkdir()
    shutil.copy(SEEDS[2], tmp_path / "deep" / "r.txt")
    monkeypatch.chdir(tmp_path / "deep")
    r = run("check", "--format", "json", "r.txt")
    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert findings and not any(f["category"] == "coverage" for f in findings)


def test_pyproject_tool_section(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.lintreport]\nselect = ["S004"]\n',
                                             encoding="utf-8")
    shutil.copy(SEEDS[2], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    r = run("check", "--format", "json", "r.txt")
    assert {f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]} == {"S004"}


def test_a_pyproject_of_someone_elses_tool_is_not_ours(tmp_path, monkeypatch):
    """A pyproject.toml without a lintreport section is passed over unread, even one that
    is not valid TOML: it is some other tool's business, and the full rule set runs."""
    (tmp_path / "pyproject.toml").write_text('[tool.black\nline-length = 100\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    shutil.copy(SEEDS[2], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    r = run("check", "--format", "json", "r.txt")
    out = json.loads(r.stdout)
    assert out.get("config") is None
    assert len({f["rule"] for f in out["files"][0]["findings"]}) > 1
