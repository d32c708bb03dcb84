"""Check kinds required-part, part-mentions and part-order (rules S001–S007)."""
from __future__ import annotations

from tests.conftest import SEEDS, run_rule

FULL = """
那吾镇2025年法治政府建设工作报告
一、工作开展情况
推进依法行政。
二、存在的主要问题及原因剖析
（一）执法力量不足
人员少。
深入剖析以上问题,主要原因在于培训不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
（一）党委主要负责人履职情况
镇党委书记带头学法。
（二）政府主要负责人履职情况
镇长主持召开政府常务会议。
四、2026年度工作安排
继续推进。
"""


def test_full_report_has_every_part():
    for rule in ("S001", "S002", "S003", "S004", "S005", "S006", "S007"):
        assert run_rule(FULL, rule) == [], rule


def test_headings_are_recognised_by_meaning_not_fixed_titles():
    text = """
    一、2024年主要举措和成效
    推进。
    二、存在的不足
    问题不少。
    三、下一步工作思路与改进措施
    继续。
    """
    assert run_rule(text, "S001") == [] and run_rule(text, "S002") == []
    assert run_rule(text, "S006") == []
    assert [f.line for f in run_rule(text, "S003")] == [3]


def test_results_part_may_be_unheaded_content_sections():
    text = "一、加强组织领导\n成立领导小组。\n二、规范行政执法\n推行三项制度。\n三、存在的不足和原因\n原因在于人少。"
    assert run_rule(text, "S001") == []


def test_passing_mention_of_first_responsible_person_is_not_the_part():
    text = """
    一、主要举措和成效
    一是严格落实法治建设第一责任人职责。镇主要领导研究部署法治工作。
    二、存在的问题及不足
    力量弱。
    """
    findings = run_rule(text, "S004")
    assert len(findings) == 1 and "第一责任人" in findings[0].message


def test_leaders_part_nested_under_results_counts_but_not_under_the_plan():
    nested = """
    一、主要举措和成效
    （一）依法行政
    推进。
    （二）党政主要负责人履行推进法治建设第一责任人职责情况
    镇党委书记、镇长带头学法。
    """
    assert run_rule(nested, "S004") == []
    in_plan = """
    一、主要举措和成效
    推进。
    二、下一步工作打算
    （一）压实第一责任人职责
    继续。
    """
    assert len(run_rule(in_plan, "S004")) == 1


def test_leaders_part_must_name_both_leaders():
    text = """
    一、党政主要负责人履职情况
    镇长主持召开政府常务会议研究法治工作。
    """
    findings = run_rule(text, "S005")
    assert len(findings) == 1 and "没有写到党委主要负责人的履职情况" in findings[0].message


def test_street_office_leaders():
    text = "一、党政主要负责人履职情况\n街道党工委书记带头述法,办事处主任主持召开主任办公会议。"
    assert run_rule(text, "S005") == []


def test_county_checklist_knows_county_and_department_leaders():
    text = "一、党政主要负责人履职情况\n局党组书记带头学法,局长主持局务会议研究法治工作。"
    assert run_rule(text, "S005", checklist="county") == []
    assert run_rule("一、党政主要负责人履职情况\n局长主持局务会议。", "S005", checklist="county")


def test_causes_missing_only_when_the_part_exists():
    assert run_rule("一、主要举措和成效\n推进。", "S003") == []
    text = "一、主要举措和成效\n推进。\n二、当前存在的主要问题\n由于人少,执法不到位。"
    assert len(run_rule(text, "S003")) == 1


def test_missing_causes_message_says_what_to_write():
    text = "一、主要举措和成效\n推进。\n二、存在的问题及不足\n执法力量薄弱。"
    (found,) = run_rule(text, "S003")
    # not the regex list (“缺少原因、根源、究其等”), but what the drafter should add
    assert "究其" not in found.message and "根源" not in found.message
    assert "请写明问题产生的原因" in found.message and "原因分析" in found.message


def test_parts_out_of_order_warn_once_at_the_misplaced_part():
    text = """
    一、下一年度工作安排
    继续。
    二、主要举措和成效
    推进。
    三、存在的不足和原因
    原因在于人少。
    """
    findings = run_rule(text, "S007")
    assert [f.line for f in findings] == [1]
    assert "下一年度主要安排" in findings[0].message


def test_sample_reports():
    found = {p.name[:3]: {f.rule for r in ("S003", "S004") for f in run_rule(p.read_text("utf-8"), r)}
             for p in SEEDS}
    assert found == {"000": set(), "001": {"S003", "S004"}, "002": {"S004"},
                     "003": {"S003", "S004"}, "004": set()}


# Real layouts (issue 11): each decided in the rules' rationale, each tested both ways.
def test_leaders_sub_heading_under_results_is_not_out_of_order():
    text = """
    凤鸣镇2023年法治政府建设工作报告
    一、2023年推进法治政府建设的主要举措和成效
    （一）健全依法决策机制
    落实合法性审查。
    （二）党政主要负责人履行推进法治建设第一责任人职责情况
    镇党委书记带头学法，镇长主持召开政府常务会议研究法治工作。
    二、存在的不足和原因
    执法力量薄弱，原因在于编制有限。
    三、2024年工作安排
    继续推进。
    """
    for rule in ("S004", "S005", "S007"):
        assert run_rule(text, rule) == [], rule
    # the same part as a top-level heading placed before 不足 is out of order
    moved = text.replace("（二）党政主要负责人", "二、党政主要负责人").replace("二、存在的不足", "三、存在的不足") \
                .replace("三、2024年", "四、2024年")
    moved = moved.replace("（一）健全依法决策机制\n    落实合法性审查。\n", "")
    assert run_rule(moved, "S007")


def test_merged_shortcomings_and_causes_heading_needs_causes_below_it():
    head = "凤鸣镇2023年法治政府建设工作报告\n一、主要举措和成效\n推进依法行政。\n二、存在的不足和原因\n"
    tail = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记、镇长带头学法。\n四、下一年度工作安排\n继续推进。\n"
    problems_only = head + "一是执法人员专业素质不高。二是普法宣传形式单一。\n" + tail
    assert len(run_rule(problems_only, "S003")) == 1
    with_causes = head + "一是执法人员专业素质不高，究其原因，在于培训机会少。\n" + tail
    assert run_rule(with_causes, "S003") == []
    sub_heading = head + "（一）存在的不足\n执法人员专业素质不高。\n（二）原因分析\n培训机会少。\n" + tail
    assert run_rule(sub_heading, "S003") == []


PARTS = """
平川街道办事处2020年法治政府建设工作报告
第一部分 2020年法治政府建设主要举措和成效
一、加强组织领导
成立法治建设领导小组。
二、推进依法决策
落实合法性审查。
第二部分 存在的不足和原因
基层执法力量不足，原因在于编制有限。
第三部分 街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况
街道党工委书记带头学法，办事处主任主持召开主任办公会研究法治工作。
第四部分 2021年工作安排
一、加强学习
继续推进。
"""


def test_parts_numbered_as_di_x_bufen():
    for rule in ("S001", "S002", "S003", "S004", "S005", "S006", "S007"):
        assert run_rule(PARTS, rule) == [], rule
    # the 一、 lists that restart under each 第X部分 are not mis-numbered or mis-levelled
    for rule in ("NB001", "NB002", "NB003", "P002"):
        assert run_rule(PARTS, rule) == [], rule


def test_missing_part_among_di_x_bufen_parts():
    text = PARTS.replace("第三部分 街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况\n"
                         "街道党工委书记带头学法，办事处主任主持召开主任办公会研究法治工作。\n", "")
    assert run_rule(text, "S004")
    assert run_rule(text.replace("第四部分", "第三部分"), "NB001") == []
    assert run_rule(text, "NB001")      # 第二部分 → 第四部分 skips a number


def test_bare_di_x_bufen_line_with_its_title_on_the_next_line():
    text = PARTS
    for n in "一二三四":
        text = text.replace(f"第{n}部分 ", f"第{n}部分\n")
    for rule in ("S001", "S002", "S003", "S004", "S005", "S006", "S007", "NB001", "NB002"):
        assert run_rule(text, rule) == [], rule
    # a bare part line followed by a sentence is not a heading of that sentence
    bare = "平川街道2020年法治政府建设工作报告\n第一部分\n2020年，平川街道全面推进依法行政，成效明显。\n"
    assert run_rule(bare, "S001")
