"""Check kind topic (rules C001–C009): mentioned at all, and in the right part."""
from __future__ import annotations

from tests.conftest import SEEDS, run_rule


def test_three_systems_by_name_or_by_its_three_parts():
    assert run_rule("一、主要举措和成效\n全面推行行政执法“三项制度”。", "C001") == []
    parts = "一、主要举措和成效\n落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。"
    assert run_rule(parts, "C001") == []
    two = "一、主要举措和成效\n落实行政执法公示制度和执法全过程记录制度。"
    assert len(run_rule(two, "C001")) == 1


def test_three_systems_only_in_the_plan_is_not_a_result():
    text = """
    一、主要举措和成效
    推进依法行政。
    二、存在的问题
    原因在于培训不足。
    三、2025年法治建设工作思路
    全面推行行政执法“三项制度”。
    """
    findings = run_rule(text, "C001")
    assert len(findings) == 1 and "只出现在其他部分" in findings[0].message


def test_shufa_is_not_year_end_report():
    assert len(run_rule("一、主要举措和成效\n将履职情况列入年终述职报告。", "C002")) == 1
    assert run_rule("一、主要举措和成效\n全面推进领导干部年度述法。", "C002") == []


def test_legality_review_anywhere_counts():
    text = "一、主要举措和成效\n推进。\n二、下一年度工作安排\n严格落实合法性审查程序。"
    assert run_rule(text, "C003") == []


def test_message_names_the_topic():
    findings = run_rule("一、主要举措和成效\n推进依法行政。", "C002")
    assert "述法" in findings[0].message and findings[0].category == "coverage"


def test_sample_reports():
    fired = {p.name[:3]: {r for r in ("C001", "C002", "C003")
                          if run_rule(p.read_text("utf-8"), r)} for p in SEEDS}
    assert fired == {"000": {"C001", "C002"}, "001": {"C001", "C002", "C003"},
                     "002": {"C002"}, "003": set(), "004": set()}
