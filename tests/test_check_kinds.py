"""Option types checked when a checklist loads (a bad regex or an unknown choice is a
configuration error naming the rule and the option), and the generic wording kinds."""
from __future__ import annotations

import pytest

from lintreport import checklist as cl
from lintreport import checks
from lintreport.config import Config
from lintreport.engine import lint_text
from lintreport.errors import ConfigError

from tests.rulefile import write_checklist

def checklist(tmp_path, *rules) -> str:
    return write_checklist(tmp_path, *({"id": f"X{n:03d}", **r} for n, r in enumerate(rules, 1)))


@pytest.mark.parametrize("check, options, words", [
    ("existence", "{patterns: ['([']}", ("patterns", "无效")),                # a bad regex
    ("substitution", "{swaps: {'a(': b}}", ("swaps", "无效")),               # a bad swap pattern
    ("existence", "{patterns: ['\\b镇']}", ("patterns", "词边界")),          # \b on Chinese
    ("cited-title", "{problem: misspelt}", ("problem", "misquoted")),      # an unknown choice
])
def test_a_bad_option_is_a_load_error_naming_rule_and_option(tmp_path, check, options, words):
    path = checklist(tmp_path, {"check": check, "options": options, "message": "x"})
    with pytest.raises(ConfigError) as err:
        cl.load(path)
    assert "X001" in str(err.value) and all(w in str(err.value) for w in words), str(err.value)


def test_the_cli_says_which_rule_and_exits_2(tmp_path):
    from click.testing import CliRunner
    from lintreport.cli import main
    path = checklist(tmp_path, {"check": "existence", "options": "{patterns: ['[']}", "message": "{text}"})
    report = tmp_path / "r.txt"
    report.write_text("某镇2024年法治政府建设工作报告\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--checklist", path, str(report)])
    assert result.exit_code == 2 and "X001" in result.output and "Traceback" not in result.output


def test_types_are_named_in_chinese():
    assert checks.type_name(checks.Regex) == "正则表达式"
    assert checks.type_name(checks.Choice("a", "b")) == "其中之一：a、b"
    assert checks.Option(checks.Choice("a", "b")).validate("c")
    assert checks.Option(checks.Choice("a", "b")).validate("a") is None


def test_substitution_reports_and_fixes_only_what_changes(tmp_path):
    path = checklist(tmp_path, {"check": "substitution", "message": "“{found}”应为“{good}”",
                                "options": "{swaps: {'（(\\d{4})）(\\d+号)': '〔\\1〕\\2'}, autofix: true}"})
    result = lint_text("某镇2024年法治政府建设工作报告\n依据某文件（2023）16号执行。\n",
                       Config(checklist=path))
    [f] = [f for f in result.findings if f.rule == "X001"]
    assert f.message == "“（2023）16号”应为“〔2023〕16号”"
    assert (f.fix.column, f.fix.end_column, f.fix.replacement) == (f.column, f.column + 6, "〔2023〕")


def test_existence_guarded_words_need_an_innocent_sentence(tmp_path):
    path = checklist(tmp_path, {"check": "existence", "message": "“{text}”",
                                "options": "{patterns: [], guarded: [博彩], unless: [打击]}"})
    text = "某镇2024年法治政府建设工作报告\n严厉打击网络博彩。网页上有博彩广告。\n"
    found = [f.message for f in lint_text(text, Config(checklist=path)).findings if f.rule == "X001"]
    assert found == ["“博彩”"]


# kinds of modules other engineers own, whose code still states the YAML's values too
DEFAULTS_TWICE: set = set()


def test_option_defaults_are_stated_once():
    """A rule's YAML does not repeat the value its kind already defaults to: one of the two
    would be changed some day and the other not."""
    import glob
    import os
    from lintreport.data import load_yaml, rules_dir
    twice = []
    for path in sorted(glob.glob(os.path.join(rules_dir(), "common", "*.yaml"))):
        for raw in load_yaml(path).get("rules", []):
            kind = checks.get(raw["check"])
            if kind.name in DEFAULTS_TWICE:
                continue
            twice += [f"{raw['id']}.{k}" for k, v in (raw.get("options") or {}).items()
                      if kind.options[k].default == v]
    assert not twice, twice
