"""Check kinds year-range-dash and nested-title-marks (rules P009, P010)."""
from __future__ import annotations

from tests.conftest import SEEDS, run_rule

HEAD = "兴隆县住房和城乡建设局2024年法治政府建设年度报告\n一、主要举措和成效\n"


def test_year_range_with_its_dash_lost():
    found = run_rule(HEAD + "贯彻《法治政府建设实施纲要（20212025年）》，落实《“八五”普法规划(20212025 年)》。", "P009")
    assert len(found) == 2 and "2021—2025" in found[0].message
    fix = found[0].fix
    assert fix.replacement == "2021—2025" and fix.end_column - fix.column == 8


def test_ranges_with_a_dash_and_other_numbers_do_not_fire():
    for body in ("贯彻《法治政府建设实施纲要（2021—2025年）》。", "落实“八五”普法规划（2021-2025年）。",
                 "编号20242023年度第1号。",       # descending or equal years are no range
                 "投入资金20252024年。",
                 "项目编号120212025年完成。",      # part of a longer number
                 "计划20212060年实现。"):         # a span longer than any plan
        assert run_rule(HEAD + body, "P009") == [], body


def test_ascii_angle_brackets_inside_title_marks():
    found = run_rule(HEAD + "印发《关于贯彻落实<法治政府建设实施纲要>的实施方案》。", "P010")
    assert len(found) == 1 and "〈法治政府建设实施纲要〉" in found[0].message
    assert found[0].fix.replacement == "〈法治政府建设实施纲要〉"
    found = run_rule(HEAD + "学习《中华人民共和国行政复议法＜2023年修订＞》。", "P010")
    assert found and found[0].fix.replacement == "（2023年修订）"


def test_proper_nesting_and_brackets_outside_titles_do_not_fire():
    for body in ("印发《关于贯彻落实〈法治政府建设实施纲要〉的实施方案》。",
                 "满意度<90%的单位约谈。",            # a less-than sign, not in a title
                 "《关于<br>印发方案的通知》。",       # an HTML tag: conversion debris
                 "PM2.5浓度<35微克。"):
        assert run_rule(HEAD + body, "P010") == [], body


def test_seeds_have_no_lost_marks():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert run_rule(text, "P009") == [] and run_rule(text, "P010") == [], path.name
