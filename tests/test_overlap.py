"""Findings in reading order (the more severe first at one place) and said once."""
from __future__ import annotations

from lintreport.engine import lint_text
from lintreport.finding import Finding, Severity
from lintreport.overlap import reading_order, said_once


def _f(rule, line, col, end, sev, message, excerpt, fix=None):
    return Finding("r.txt", line, col, rule, line, end, "hygiene", sev, message, "", (), excerpt, fix)


def test_missing_part_is_listed_before_a_note_at_the_same_place():
    text = ("河市镇2024年法治政府建设工作报告\n"
            "2024年，河市镇在上级党委、政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，各项工作取得新进展。现将有关情况报告如下。\n"
            "一、主要举措和成效\n推进依法行政。\n")
    found = lint_text(text).findings
    at_start = [f for f in found if (f.line, f.column) == (1, 1)]
    severities = [f.severity for f in at_start]
    assert severities == sorted(severities, reverse=True)
    assert at_start[0].severity == Severity.ERROR and at_start[-1].severity == Severity.INFO


def test_injected_spam_in_a_cited_title_is_reported_once_by_the_citation_rule():
    text = ("那吾镇2025年法治政府建设工作报告\n"
            "深入贯彻《中共中央三升体育平台全面推进依法治国若干重大问题的决定》总体部署。\n")
    rules = [f.rule for f in lint_text(text).findings if f.line == 2]
    assert "R001" in rules and "H002" not in rules
    # spam outside a title is still H002's
    rules = [f.rule for f in lint_text(text + "欢迎访问三升体育平台。\n").findings if f.line == 3]
    assert "H002" in rules


def test_said_once_keeps_different_words_fixes_and_the_first_of_equals():
    outer = _f("R001", 2, 5, 34, Severity.ERROR, "混入了无关文字“三升体育平台”", "《…》")
    inner = _f("H002", 2, 12, 16, Severity.ERROR, "疑似“体育平台”", "体育平台")
    other = _f("P003", 2, 20, 21, Severity.WARNING, "半角", ",")
    assert said_once([outer, inner, other], {"R001": 0, "H002": 1}) == [outer, other]
    louder = _f("H002", 2, 12, 16, Severity.ERROR, "x", "体育平台")
    quieter = _f("R001", 2, 5, 34, Severity.WARNING, "“体育平台”", "《…》")
    assert said_once([quieter, louder], {}) == [quieter, louder]     # a warning cannot hide an error
    a = _f("A001", 3, 1, 5, Severity.WARNING, "“甲乙丙丁”有误", "甲乙丙丁")
    b = _f("B001", 3, 1, 5, Severity.WARNING, "“甲乙丙丁”重复", "甲乙丙丁")
    assert said_once([a, b], {"A001": 0, "B001": 1}) == [a]
    assert sorted([b, a], key=reading_order) == [a, b]
