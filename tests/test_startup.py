"""What one run imports and compiles (issue 14: one report as a whole process): a plain .txt
check loads no heavy library its rules do not need at that point, a check kind's module only
when a rule uses the kind, and a rule file's patterns are checked once, when it is read from
YAML, not again from its validated copy in the cache. Measured by what happens, not by time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from lintreport import checklist as cl
from lintreport import checks, yamlfile
from lintreport import patterns as patterns_guard
from lintreport.errors import ConfigError

from tests.rulefile import write_checklist

HEAVY = ("rapidfuzz", "jieba", "numpy", "lxml", "docx", "openpyxl", "pypdfium2", "yaml", "logging")

# A report with no quoted title (a title the register lacks is what needs rapidfuzz)
REPORT = """某镇人民政府关于2024年度法治政府建设情况的报告

一、主要举措和成效
2024年，我镇深入推进依法行政，全年开展法治宣传活动12场。
二、存在的不足和原因
法治宣传的覆盖面还不够广。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头学法。
四、下一年度的工作安排
2025年，我镇将继续推进依法行政。

某镇人民政府
2025年1月10日
"""

RUN = """
import json, sys
from lintreport.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(tmp_path, *args) -> set[str]:
    """The modules a `lintreport` run in a fresh interpreter has imported when it ends."""
    return run_fresh(tmp_path, *args)[0]


def run_fresh(tmp_path, *args) -> tuple[set[str], str]:
    """(the modules imported, what it printed) of a `lintreport` run in a fresh interpreter."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("LINTREPORT_NO_CACHE", None)
    out = None
    for _ in range(2):       # the first run fills the cache (and needs PyYAML to)
        out = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True,
                             env=env, cwd=tmp_path, timeout=120)
    assert "Traceback" not in out.stderr, out.stderr
    return set(json.loads(out.stderr.strip().splitlines()[-1])), out.stdout


def test_a_plain_text_check_imports_no_heavy_library(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    loaded = modules_after(tmp_path, "check", "--format", "json", str(report))
    assert "lintreport.checks.punctuation" in loaded      # the run did check
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, heavy
    unused = {"lintreport.read.docx", "lintreport.read.pdf", "lintreport.read.html",
              "lintreport.fix", "lintreport.review", "lintreport.serve", "lintreport.html"}
    assert not unused & loaded, unused & loaded


def test_a_report_with_misquoted_titles_needs_no_tempfile_or_entities(tmp_path):
    """One report needs no temporary folder (tempfile, only a batch's spool does) nor HTML's
    entity table (only for an entity found); its titles are judged (rapidfuzz, then)."""
    report = tmp_path / "r.txt"
    report.write_text(REPORT.replace("全年开展法治宣传活动12场。", "全年开展法治宣传活动12场，学习《交通法》和"
                                     "《中共中央三升体育平台全面推进依法治国若干重大问题的决定》。"),
                      encoding="utf-8")
    loaded, printed = run_fresh(tmp_path, "check", "--format", "json", str(report))
    rules = {f["rule"] for f in json.loads(printed)["files"][0]["findings"]}
    assert {"R001", "R002"} <= rules                    # both titles were judged
    assert not {"tempfile", "html.entities"} & loaded, {"tempfile", "html.entities"} & loaded


def test_only_the_kinds_of_the_checklists_rules_are_imported(tmp_path):
    path = write_checklist(tmp_path, {"id": "Z001", "check": "existence",
                                      "options": "{patterns: ['依法行政']}", "message": "{text}"})
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    loaded = modules_after(tmp_path, "check", "--checklist", path, str(report))
    kinds = sorted(m.rpartition(".")[2] for m in loaded if m.startswith("lintreport.checks."))
    assert kinds == ["wording"]


def test_select_imports_only_the_kinds_it_selects(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    loaded = modules_after(tmp_path, "check", "--select", "punctuation", str(report))
    kinds = {m.rpartition(".")[2] for m in loaded if m.startswith("lintreport.checks.")}
    assert "punctuation" in kinds and not kinds & {"citation", "dates", "numbers", "duplicate",
                                                  "followup", "layout_page", "layout_text"}, kinds


def test_every_default_is_what_the_json_copy_gives_back():
    """A rule read back from its validated copy has its defaults from JSON: they must be the
    same values of the same types (a tuple would come back a list)."""
    def same(a, b):
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        return a == b
    for name, kind in checks.load_all().items():
        for key, option in kind.options.items():
            if option.default is not checks.REQUIRED:
                assert same(option.default, json.loads(json.dumps(option.default))), (name, key)


def test_the_table_of_kinds_is_what_the_modules_register():
    registered: dict[str, list[str]] = {}
    for name, kind in checks.load_all().items():
        registered.setdefault(kind.func.__module__.rpartition(".")[2], []).append(name)
    assert {m: sorted(k) for m, k in registered.items()} == \
        {m: sorted(k) for m, k in checks.MODULES.items()}


def test_a_kind_missing_from_the_table_is_still_found(monkeypatch):
    monkeypatch.setattr(checks, "MODULE_OF", {})
    assert checks.get("existence").name == "existence"
    assert checks.get("no-such-kind") is None


def count_guard_calls(monkeypatch) -> list:
    calls = []
    real = patterns_guard.problem
    monkeypatch.setattr(patterns_guard, "problem", lambda p: calls.append(p) or real(p))
    return calls


def test_a_rule_files_patterns_are_checked_once_not_from_its_validated_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    path = write_checklist(tmp_path, {"id": "Z001", "check": "existence",
                                      "options": "{patterns: ['依法行政', '法治[政府]+']}",
                                      "message": "{text}"})
    calls = count_guard_calls(monkeypatch)
    first = cl.load(path)
    assert "法治[政府]+" in calls                        # read from YAML: checked
    cl.load.cache_clear()
    calls.clear()
    again = cl.load(path)                               # from the validated copy
    assert calls == [] and again.rules[0].options == first.rules[0].options


def test_a_bad_pattern_is_refused_every_time(tmp_path, monkeypatch):
    """Nothing of a file that fails is cached as validated: the error comes again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    path = write_checklist(tmp_path, {"id": "Z001", "check": "existence",
                                      "options": "{patterns: ['(法+)+']}", "message": "{text}"})
    for _ in range(2):
        cl.load.cache_clear()
        with pytest.raises(ConfigError, match="Z001.*patterns.*嵌套"):
            cl.load(path)
    assert not list((tmp_path / "cache").rglob("*-checked.json"))


def test_a_changed_validator_means_checking_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    data, code = tmp_path / "d.yaml", tmp_path / "code.py"
    data.write_text("a: 1\n", encoding="utf-8")
    code.write_text("# v1\n", encoding="utf-8")
    seen = []
    assert yamlfile.load(str(data), seen.append, [str(code)]) == {"a": 1}
    assert yamlfile.load(str(data), seen.append, [str(code)]) == {"a": 1}
    assert len(seen) == 1                               # the second came from the copy
    code.write_text("# version 2\n", encoding="utf-8")
    assert yamlfile.load(str(data), seen.append, [str(code)]) == {"a": 1}
    assert len(seen) == 2


def test_a_set_that_mends_a_rule_still_works(tmp_path):
    """A rule valid only with its checklist's override is validated with it, as before."""
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - {id: Z001, name: z, category: hygiene, severity: sometimes, check: existence,"
        " options: {patterns: ['依法']}, message: '{text}', source: s, rationale: r,"
        " examples: {pass: [], fail: []}}\n", encoding="utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text("checklist: mine\nparts: {}\ninclude: [rules.yaml]\n"
                    "set: {Z001: {severity: warning}}\n", encoding="utf-8")
    cl.load.cache_clear()
    assert cl.load(str(path)).rules[0].severity.label == "warning"


def test_a_users_config_options_are_still_guarded(tmp_path):
    from lintreport.config import apply, parse
    chk = cl.load("township")
    rule = next(r for r in chk.rules if r.check == "existence")
    conf = parse({"rules": {rule.id: {"options": {"patterns": ["(法+)+"]}}}}, "mine.toml")
    with pytest.raises(ConfigError, match="嵌套"):
        apply(chk, conf)


def write_parts_checklist(tmp_path, heading: str) -> str:
    (tmp_path / "parts.yaml").write_text(
        "parts:\n  results: {name: 成效, heading: ['" + heading + "', '成效']}\n", encoding="utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text("checklist: mine\nparts: parts.yaml\nrules: []\n", encoding="utf-8")
    cl.load.cache_clear()
    return str(path)


def test_a_parts_files_patterns_are_checked_once_not_from_its_validated_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    path = write_parts_checklist(tmp_path, "主要[举措成效]+")
    calls = count_guard_calls(monkeypatch)
    first = cl.load(path)
    assert "主要[举措成效]+" in calls                    # read from YAML: checked
    cl.load.cache_clear()
    calls.clear()
    again = cl.load(path)                               # from the validated copy
    assert calls == [] and again.parts == first.parts
    assert [p.pattern for p in again.parts["results"].heading] == ["主要[举措成效]+", "成效"]


def test_a_bad_parts_pattern_is_refused_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTREPORT_NO_CACHE", raising=False)
    path = write_parts_checklist(tmp_path, "(成+)+")
    for _ in range(2):
        cl.load.cache_clear()
        with pytest.raises(ConfigError, match="parts.results.*嵌套"):
            cl.load(path)
    assert not list((tmp_path / "cache").rglob("parts.yaml-*-checked.json"))


def test_a_pyprojects_section_is_read_from_its_copy_while_unchanged(tmp_path):
    """tomllib parses a pyproject.toml with a lintreport section once; the runs after read
    yamlfile's copy of the section, and a change to the file is read again."""
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "x"\n\n[tool.lintreport]\nselect = ["P003"]\n'
                       'rules = {P003 = {severity = "error"}}\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(REPORT.replace("法治宣传的覆盖面", "法治宣传的覆盖面,"), encoding="utf-8")
    loaded, printed = run_fresh(tmp_path, "check", "--format", "json", str(report))
    assert "tomllib" not in loaded
    found = json.loads(printed)["files"][0]["findings"]
    assert {(f["rule"], f["severity"]) for f in found} == {("P003", "error")}
    project.write_text(project.read_text(encoding="utf-8").replace("error", "info"), encoding="utf-8")
    loaded, printed = run_fresh(tmp_path, "check", "--format", "json", str(report))
    assert {f["severity"] for f in json.loads(printed)["files"][0]["findings"]} == {"info"}


def test_importing_the_command_line_leaves_the_collector_as_it_was():
    """cli.py turns the collector off only while click is imported (a program that had it
    off keeps it off)."""
    code = ("import gc, sys; was = sys.argv[1] == 'on'\n"
            "gc.enable() if was else gc.disable()\n"
            "import lintreport.cli\n"
            "print(gc.isenabled() == was)")
    for state in ("on", "off"):
        out = subprocess.run([sys.executable, "-c", code, state], capture_output=True, text=True,
                             timeout=60)
        assert out.stdout.strip() == "True", out.stderr
