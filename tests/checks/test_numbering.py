"""Check kinds heading-sequence, heading-form, heading-marker and enumeration-sequence
(rules NB001–NB004)."""
from __future__ import annotations

from lintreport.checks.numbering import marker_for

from tests.conftest import SEEDS, run_rule


def test_marker_for_each_form_keeps_the_bracket_width():
    assert marker_for(1, 3) == "三、" and marker_for(2, 12) == "（十二）"
    assert marker_for(2, 2, "(一)") == "(二)" and marker_for(3, 4) == "4."
    assert marker_for(4, 2) == "（2）"


def test_skipped_repeated_and_reversed_headings():
    text = """
    一、主要举措和成效
    （一）加强组织领导
    推进。
    （三）深化普法宣传
    推进。
    （三）规范执法
    推进。
    （二）化解矛盾
    推进。
    """
    found = run_rule(text, "NB001")
    assert [(f.line, f.excerpt) for f in found] == [(4, "（三）"), (6, "（三）"), (8, "（二）")]
    assert "跳号" in found[0].message and "“（二）”" in found[0].message
    assert "重复" in found[1].message and "“（四）”" in found[1].message
    assert "顺序颠倒" in found[2].message


def test_top_level_numbers_repeated():
    text = "一、主要举措和成效\n推进。\n二、存在的不足和原因\n不足。\n二、下一年度工作安排\n继续。"
    found = run_rule(text, "NB001")
    assert [f.line for f in found] == [5] and "“三、”" in found[0].message


def test_each_list_restarts_under_a_new_parent():
    text = """
    一、主要举措和成效
    （一）加强组织领导
    1.成立小组
    2.明确分工
    （二）深化普法宣传
    1.开展宣传
    2.发放资料
    二、存在的不足和原因
    （一）存在的不足
    不足。
    """
    assert run_rule(text, "NB001") == []


def test_sub_list_in_the_top_level_form():
    text = """
    一、主要举措和成效
    推进。
    二、存在的不足和原因
    不足,原因在于培训少。
    三、下一年度推进法治政府建设的主要安排
    一、深化法治素养培育
    强化学法。
    二、深化政务公开建设
    拓宽渠道。
    """
    found = run_rule(text, "NB002")
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.end_line) == (6, 8)
    assert "“三、”" in f.message and "“（一）”、“（二）”" in f.message


def test_sub_lists_in_their_own_form_do_not_fire():
    text = "一、主要举措和成效\n（一）组织领导\n推进。\n（二）普法\n推进。\n二、下一年度工作安排\n（一）学法\n继续。"
    assert run_rule(text, "NB002") == []


def test_malformed_markers():
    text = """
    一、主要举措和成效
    （一）、加强组织领导
    推进。
    二)深化普法宣传
    推进。
    1、成立小组
    （1）、明确分工
    落实。
    二.存在的不足和原因
    不足。
    """
    found = run_rule(text, "NB003")
    assert [(f.line, f.excerpt) for f in found] == [
        (2, "（一）、"), (4, "二)"), (6, "1、"), (7, "（1）、"), (9, "二.")]
    assert "“（一）”" in found[0].message and "“1.”" in found[2].message
    fix = found[2].fix
    assert (fix.line, fix.column, fix.end_column, fix.replacement) == (6, 1, 3, "1.")


def test_well_formed_and_half_width_markers_do_not_fire():
    # half-width brackets are the punctuation rules' business, not numbering
    text = "一、主要举措和成效\n(一)加强组织领导\n推进。\n（二）深化普法\n1.成立小组\n2．明确分工\n(1)落实\n（2）检查\n推进。"
    assert run_rule(text, "NB003") == []


def test_space_after_a_marker_where_its_siblings_have_none():
    text = "一、主要举措和成效\n（一）加强组织领导\n推进。\n(二) 增强法治意识\n推进。\n（三）　推进依法决策\n推进。\n" \
           "（四）深化普法\n推进。\n（五）规范执法\n推进。\n二、 存在的不足和原因\n原因在于培训不足。\n三、下一年度工作安排\n继续。"
    found = run_rule(text, "NB003")
    assert [f.line for f in found] == [4, 6, 12]
    assert "“(二)”" in found[0].message and "“二、”" in found[2].message
    fix = found[0].fix
    assert (fix.line, fix.column, fix.end_column, fix.replacement) == (4, 1, 5, "(二)")


def test_spaced_markers_as_the_report_s_own_style_do_not_fire():
    # every second-level heading spaced: a style (from a web page), not a slip
    text = "一、主要举措和成效\n（一） 加强组织领导\n推进。\n（二） 增强法治意识\n推进。\n二、存在的不足和原因\n不足。"
    assert run_rule(text, "NB003") == []
    assert run_rule("一、主要举措和成效\n（一）加强组织领导\n推进。\n（二）增强法治意识\n推进。", "NB003") == []


def test_enumeration_that_restarts_inside_a_paragraph():
    text = "一、主要举措和成效\n一是领导带头,抓学习。二是多管齐下,抓宣传。一是按照规划开展宣传。三是规范引领,抓创建。"
    found = run_rule(text, "NB004")
    assert len(found) == 1
    assert "重新从头编号" in found[0].message and "“三是”" in found[0].message


def test_enumeration_skips_and_repeats():
    found = run_rule("一、主要举措和成效\n一是加强学习;二是规范执法;四是化解矛盾。", "NB004")
    assert len(found) == 1 and "跳号" in found[0].message and "“三是”" in found[0].message
    found = run_rule("一、主要举措和成效\n一要加强学习。二要规范执法。二要化解矛盾。", "NB004")
    assert len(found) == 1 and "重复" in found[0].message and "“三要”" in found[0].message
    # a list that runs over paragraphs of one section keeps counting
    found = run_rule("一、主要举措和成效\n一是加强学习。\n二是规范执法。\n四是化解矛盾。", "NB004")
    assert [f.line for f in found] == [4]


def test_enumerations_that_legitimately_restart():
    text = """
    一、主要举措和成效
    一是加强学习。二是规范执法。
    一是化解矛盾。二是推进公开。
    法治宣传方面,一是开展宣传。二是发放资料。
    在学法方面,一是领导带头学;二是干部全员学。在普法方面,一是开展宣传;二是发放资料。
    存在不足:一是力量薄弱;二是宣传不够。主要原因:一是培训少;二是经费少。
    二要落实三项制度。一是落实公示制度。二是落实全过程记录制度。三要化解矛盾。
    二、存在的不足和原因
    一是力量薄弱。二是宣传不够。
    三、下一年度工作安排
    一是加强学习。在学法方面,一是领导带头学;二是干部全员学。
    二是规范执法。
    """
    assert run_rule(text, "NB004") == []


def test_sample_reports():
    by_file = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}
    found = run_rule(by_file["001"], "NB004")
    assert [f.line for f in found] == [4] and "一是" in found[0].message
    found = run_rule(by_file["000"], "NB002")
    assert [(f.line, f.end_line) for f in found] == [(37, 41)]
    for rule in ("NB001", "NB003", "NB004"):
        for key, text in by_file.items():
            if (rule, key) != ("NB004", "001"):
                assert run_rule(text, rule) == [], (rule, key)


def test_numbering_straight_through_sub_sections_is_a_style_not_a_gap():
    text = """
    一、主要举措和成效
    （一）加强组织领导
    1.加强党的领导。推进。
    2.强化考核评价。推进。
    （二）依法全面履行政府职能
    3.深化审批改革。推进。
    4.推进政务公开。推进。
    （三）规范执法
    6.严格执法。推进。
    """
    found = run_rule(text, "NB001")
    assert [(f.line, f.excerpt) for f in found] == [(9, "6.")]
    assert "“5.”" in found[0].message


def test_enumerations_of_every_style_are_still_read():
    found = run_rule("一、主要举措和成效\n第一,加强学习。第三,规范执法。", "NB004")
    assert len(found) == 1 and "跳号" in found[0].message and "“第二”" in found[0].message
    found = run_rule("一、主要举措和成效\n其一,加强学习;其二,规范执法;其二,化解矛盾。", "NB004")
    assert len(found) == 1 and "重复" in found[0].message
    assert run_rule("一、主要举措和成效\n加强学习,规范执法,化解矛盾。", "NB004") == []
