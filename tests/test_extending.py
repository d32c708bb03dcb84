"""The four ways lintreport grows (docs/architecture.md), each done here the way a
contributor would: a rule that is YAML only, a new check kind, a reader for a new input
format and a formatter for a new output format."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lintreport import checks
from lintreport.cli import main
from lintreport.config import Config
from lintreport.engine import lint, lint_text
from lintreport.formatters import FORMATTERS
from lintreport.read import READERS, Line, Source, register

from tests.rulefile import write_checklist

REPORT = "某镇人民政府2024年法治政府建设工作报告\n2024年，某镇全面推进依法行政，办理行政复议案件3件。\n"


def rule_file(tmp_path, check: str, options: str, message: str) -> str:
    return write_checklist(tmp_path, {"id": "Z001", "check": check, "options": options,
                                      "message": message})


def test_a_new_rule_is_yaml_only(tmp_path):
    path = rule_file(tmp_path, "existence", "{patterns: ['依法行政']}", "用了“{text}”")
    [f] = lint_text(REPORT, Config(checklist=path)).findings
    assert (f.rule, f.line, f.message) == ("Z001", 2, "用了“依法行政”")


@pytest.fixture
def new_kind():
    @checks.check("counted-cases", most=checks.Option(int, doc="how many cases are too many"))
    def counted_cases(doc, rule, ctx):
        """Case counts over `most`."""
        for line in doc.lines:
            if "案件3件" in line.text and 3 > rule.options["most"]:
                yield doc.hit(line, line.text.index("3件"), line.text.index("3件") + 2, args={"n": 3})
    yield "counted-cases"
    del checks.CHECKS["counted-cases"]


def test_a_new_check_kind_is_one_function(tmp_path, new_kind):
    path = rule_file(tmp_path, new_kind, "{most: 2}", "案件{n}件")
    [f] = lint_text(REPORT, Config(checklist=path)).findings
    assert (f.rule, f.message, f.column) == ("Z001", "案件3件", REPORT.splitlines()[1].index("3件") + 1)


@pytest.fixture
def rpt_reader():
    def read(path: str) -> Source:      # a made-up format: one paragraph per "|"
        with open(path, encoding="utf-8") as f:
            parts = f.read().split("|")
        return Source(path, [Line(t, n) for n, t in enumerate(parts, 1)], kind="rpt")
    register(".rpt", read)
    yield
    del READERS[".rpt"]


def test_a_new_input_format_is_one_reader(tmp_path, rpt_reader):
    (tmp_path / "r.rpt").write_text(REPORT.replace("\n", "|"), encoding="utf-8")
    path = rule_file(tmp_path, "existence", "{patterns: ['复议']}", "{text}")
    result = lint([str(tmp_path)], Config(checklist=path), jobs=1)    # found in a folder too
    assert [(r.path.endswith("r.rpt"), [f.line for f in r.findings]) for r in result.files] == [(True, [2])]


@pytest.fixture
def count_format():
    FORMATTERS["count"] = lambda result: f"{len(result.findings)}\n"
    yield "count"
    del FORMATTERS["count"]


def test_a_new_output_format_is_one_entry(tmp_path, count_format):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    path = rule_file(tmp_path, "existence", "{patterns: ['依法', '复议']}", "{text}")
    out = CliRunner().invoke(main, ["check", "--checklist", path, "--format", count_format, str(report)])
    assert (out.exit_code, out.output) == (1, "2\n")
    listed = CliRunner().invoke(main, ["check", "--help"]).output
    assert "count" in listed and json.loads(
        CliRunner().invoke(main, ["check", "--checklist", path, "--format", "json", str(report)]).output)
