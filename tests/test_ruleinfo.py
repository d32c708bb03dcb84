"""Rule names wherever rules are listed: `rules`, `explain`, SARIF, review; ids any case."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lintreport import checklist as cl
from lintreport.cli import main
from lintreport.config import Config, ConfigError, apply, parse
from lintreport.engine import lint_text
from lintreport.ruleinfo import width

REPORT = """云岭乡2021年法治政府建设工作报告
2021年，云岭乡在上级党委、政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，各项工作取得新进展。现将有关情况报告如下。
一、主要举措和成效
推进依法行政,全年办理行政复议案件3件。
二、存在的不足
执法力量薄弱。
"""


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_width_counts_chinese_as_two_columns():
    assert width("S003") == 4 and width("缺少标题") == 8 and width("比率超过100%") == 12


def test_rules_lists_titles_in_aligned_columns():
    out = run("rules").stdout.splitlines()[1:]
    assert any("缺少不足的原因" in line for line in out)
    # the slug column starts at the same display column on every line
    starts = set()
    for line in out:
        slug = line.split()[4]
        starts.add(width(line[:line.index(slug)]))
    assert len(starts) == 1, starts


def test_explain_shows_real_messages_of_its_examples():
    r = run("explain", "s003")
    assert r.exit_code == 0 and "缺少不足的原因" in r.stdout
    assert "{" not in r.stdout.replace("{}", "")      # no raw {part} placeholders
    assert "报出：" in r.stdout and "第3行：" in r.stdout


def test_explain_batch_rule_runs_its_reports():
    r = run("explain", "D002")
    assert r.exit_code == 0 and "相似度" in r.stdout and "{other}" not in r.stdout


def test_sarif_short_description_is_the_title():
    from lintreport.formatters import get
    from lintreport.engine import LintResult
    chk = cl.load("township")
    sarif = json.loads(get("sarif")(LintResult([], chk, chk.rules)))
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["S003"]["shortDescription"]["text"] == "缺少不足的原因"
    assert rules["P005"]["shortDescription"]["text"] == "成对标点不配对"
    assert all("{" not in r["shortDescription"]["text"] for r in rules.values())


def test_rule_ids_are_case_insensitive():
    chk = cl.load("township")
    assert chk.rule("s003") is chk.rule("S003")
    assert {r.id for r in apply(chk, Config(select=("s003", "p003")))} == {"P003", "S003"}
    assert "S003" not in {r.id for r in apply(chk, Config(ignore=("s003",)))}
    conf = parse({"rules": {"s002": {"severity": "info"}}})
    assert {r.id: r for r in apply(chk, conf)}["S002"].severity.zh == "提示"
    found = lint_text("<!-- lintreport-disable s006 -->\n" + REPORT).findings
    assert "S006" not in {f.rule for f in found}
    assert "S006" in {f.rule for f in lint_text(REPORT).findings}


def test_min_share_is_no_longer_silently_accepted():
    try:
        parse({"min-share": 0.3})
    except ConfigError as exc:
        assert "min-share" in str(exc)
    else:
        raise AssertionError("an unused key must be refused, not ignored")


def test_explain_and_the_review_page_say_how_to_fix():
    from lintreport import checklist as cl
    from lintreport.review.page import glossary
    from lintreport.ruleinfo import explain
    rule = cl.load("township").rule("P004")
    assert rule.fix and f"怎样改：{rule.fix}" in explain(rule, "township")

    class Fired:        # a review in which P004 fired
        rules = [rule]
        findings = [type("F", (), {"rule": "P004"})()]
    assert f"怎样改：{rule.fix}" in glossary(Fired)
