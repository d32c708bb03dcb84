"""cited-title: garbled, misquoted, superseded and premature titles of laws and documents."""
from __future__ import annotations

import pytest

from lintreport.checks.citation import is_local, judge
from lintreport.checks.titles import doc_type, key, register, titles
from tests.conftest import run_rule


def report(body: str, year: int = 2025, dated: str | None = None) -> str:
    """A small report of the given year around one paragraph."""
    closing = f"\n那吾镇人民政府\n{dated}" if dated else ""
    return f"那吾镇{year}年法治政府建设工作报告\n{year}年,那吾镇{body}\n一、主要举措和成效\n推进依法行政。{closing}"


# ---------- the pieces ----------

def test_key_ignores_width_spaces_quotes_and_dash_styles():
    assert key("法治政府建设实施纲要(2021-2025)") == key("法治政府建设实施纲要（2021—2025年）")
    assert key("“八五”普法规划") == key('"八五"普法规划') == "八五普法规划"
    assert key("法治政府建设实施纲要（2021年至2025年）") == key("法治政府建设实施纲要(2021—2025年)")
    assert key("中共中央、国务院关于加强基层治理") == key("中共中央 国务院关于加强基层治理")


def test_doc_type_reads_the_last_word_before_a_bracketed_period():
    assert doc_type(key("法治政府建设实施纲要（2021—2025年）")) == "纲要"
    assert doc_type("行政复议法实施条例") == "条例"
    assert doc_type("民法典") == "法典"
    assert doc_type("反电诈") is None


def test_titles_finds_nested_titles_and_ignores_unclosed_marks():
    text = "落实《垫江县贯彻〈重庆市实施方案〉的措施》和《宪法》,《未闭合"
    found = [t for _, _, t in titles(text)]
    assert found == ["重庆市实施方案", "垫江县贯彻〈重庆市实施方案〉的措施", "宪法"]
    assert list(titles("数学中 a〈b〉c 不是书名")) == []


@pytest.mark.parametrize("title", ["重庆市法治政府建设实施方案", "中共垫江县委全面依法治县委员会关于印发方案的通知",
                                   "甘肃省社区矫正实施细则", "河市镇党委理论学习中心组2023年理论学习计划"])
def test_local_documents_are_recognised(title):
    assert is_local(key(title))


@pytest.mark.parametrize("title", ["关于加强法治乡村建设的意见", "社区矫正法", "城市居民委员会组织法",
                                   "中华人民共和国村民委员会组织法", "乡村振兴促进法"])
def test_national_titles_are_not_local(title):
    assert not is_local(key(title))


@pytest.mark.parametrize("cited,verdict", [
    ("宪法", "exact"), ("中华人民共和国宪法", "exact"), ("行政处罚法", "exact"),
    ("中华人民共和国行政处罚法（2021年修订）", "exact"), ("“八五”普法规划", "exact"),
    ("关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见", "exact"),
    ("教育法", "exact"), ("劳动法", "exact"),
    ("人民日报", "unknown"), ("法治政府建设实施纲要", "unknown"), ("论坚持全面依法治国", "unknown"),
    ("中共中央关于全面推进依法治国若干重大问题的决定辅导读本", "unknown"),
    ("关于加强法治乡村建设的实施意见", "unknown"), ("民法", "unknown"),
    ("有组织犯罪法", "near"), ("土地法", "near"), ("交通法", "near"), ("反电诈", "near"),
    ("法治政府建设与责任落实督查工作规定", "near"), ("法治政府建设实施纲要(2022—2025年)", "near"),
    ("中共中央关于全面深化改革娱乐城若干重大问题的决定", "injected"),
])
def test_judge(cited, verdict):
    assert judge(cited, register())[0] == verdict


# ---------- the rules ----------

def test_injected_words_are_an_error_naming_the_true_title():
    found = run_rule(report("深入贯彻《中共中央三升体育平台全面推进依法治国若干重大问题的决定》。"), "R001")
    assert len(found) == 1
    f = found[0]
    assert "三升体育平台" in f.message and "《中共中央关于全面推进依法治国若干重大问题的决定》" in f.message
    assert (f.line, f.column) == (2, 14)
    assert f.severity.label == "error"


def test_injection_into_a_state_council_title():
    text = report("落实《国务院办公厅关于全面推行行政规范性文件足球比分合法性审核机制的指导意见》。")
    assert [f.line for f in run_rule(text, "R001")] == [2]


def test_exact_and_unknown_titles_are_not_injected():
    text = report("学习《中共中央关于全面推进依法治国若干重大问题的决定》和《那吾镇关于开展法治宣传的实施方案》。")
    assert run_rule(text, "R001") == []


@pytest.mark.parametrize("cited,right", [
    ("法治政府建设与责任落实督查工作规定", "法治政府建设与责任落实督察工作规定"),
    ("法治政府建设实施纲要(2022—2025年)", "法治政府建设实施纲要（2021—2025年）"),
    ("有组织犯罪法", "中华人民共和国反有组织犯罪法"),
    ("土地法", "中华人民共和国土地管理法"),
    ("交通法", "中华人民共和国道路交通安全法"),
])
def test_misquoted_titles_name_the_right_one(cited, right):
    found = run_rule(report(f"认真学习《{cited}》。"), "R002")
    assert len(found) == 1 and f"应为《{right}》" in found[0].message


def test_misquoted_inner_title_of_a_nested_citation():
    found = run_rule(report("印发《关于学习〈中华人民共和国土地法〉的通知》。"), "R002")
    assert len(found) == 1 and "土地管理法" in found[0].message


def test_right_titles_and_local_documents_are_not_misquoted():
    text = report("落实《法治政府建设实施纲要（2021—2025年）》《重庆市法治政府建设实施方案(2021—2025年)》,"
                  "学习《教育法》《义务教育法》《劳动法》《劳动合同法》《法治日报》和《甘肃省社区矫正实施细则(试行)》。")
    assert run_rule(text, "R002") == []


def test_superseded_title_names_its_successor():
    found = run_rule(report("严格执行《信访条例》,依法调处婚姻纠纷,宣传《婚姻法》。", 2023), "R003")
    assert [("信访工作条例" in f.message, "民法典" in f.message) for f in found] == [(True, False), (False, True)]
    assert "2022年5月1日" in found[0].message


def test_superseded_title_is_fine_before_it_was_superseded():
    assert run_rule(report("严格执行《信访条例》。", 2019, "2019年12月20日"), "R003") == []


def test_superseded_title_cited_as_history_is_not_reported():
    text = report("对照原《信访条例》梳理变化,《婚姻法》废止后及时更新宣传资料。", 2023)
    assert run_rule(text, "R003") == []


def test_law_cited_before_it_was_passed():
    found = run_rule(report("组织学习《法治宣传教育法》。", 2024, "2024年12月9日"), "R004")
    assert len(found) == 1 and "2025年9月12日" in found[0].message
    assert run_rule(report("组织学习《法治宣传教育法》。", 2025, "2025年12月9日"), "R004") == []


def test_law_applied_before_it_took_effect_but_studying_it_is_fine():
    applied = report("依据《民法典》调处矛盾纠纷。", 2020, "2020年12月9日")
    studied = report("学习宣传《民法典》。", 2020, "2020年12月9日")
    assert len(run_rule(applied, "R004")) == 1
    assert run_rule(studied, "R004") == []


def test_new_revision_cited_before_it_was_made():
    assert len(run_rule(report("学习新修订的《行政复议法》。", 2022, "2022年12月1日"), "R004")) == 1
    assert run_rule(report("学习新修订的《行政复议法》。", 2024, "2024年12月1日"), "R004") == []


def test_no_year_no_premature_guess_for_laws_long_in_force():
    assert run_rule("组织学习《宪法》《民法典》。", "R004") == []


def test_remembered_verdicts_are_the_verdicts():
    from lintreport.checks.citation import _judged
    for cited in ("中华人民共和国行政处罚法", "行政处罚法", "行政复议条例", "中华人民共合国民法典",
                  "河市镇法治宣传方案", "重大行政决策程序暂行条例"):
        assert _judged(cited, "citations") == judge(cited, register()) == _judged(cited, "citations")
