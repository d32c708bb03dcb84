"""Punctuation kinds: doubled-punctuation, stray-space, halfwidth-punctuation,
document-number-brackets, unbalanced-pairs, abbreviated-year, fullwidth-digits, title-comma
(P001–P008)."""
from __future__ import annotations

import pytest

from lintreport.checks.punctuation import (halfwidth_edits, halfwidth_places, stray_space_edits,
                                           stray_spaces, title_comma_edits)
from lintreport.document import parse
from lintreport.finding import Fix
from lintreport.read import Line, Source
from tests.conftest import run_rule

TITLE = "云岭镇2025年法治政府建设工作报告\n"


def doc_of(text: str):
    return parse(Source("<t>", [Line(t, i) for i, t in enumerate(text.splitlines(), 1)]))


# ---------- P001 doubled ----------

@pytest.mark.parametrize("body,mark,single", [
    ("示范带动群众学法用法。。", "。。", "。"),
    ("法治宣传、、法律服务", "、、", "、"),
    ("开展培训,,组织考试", ",,", "，"),
    ("开展培训，,组织考试", "，,", "，"),
    ("是否落实？？", "？？", "？"),
])
def test_doubled_marks_collapse_to_one(body, mark, single):
    found = run_rule(TITLE + body, "P001")
    assert len(found) == 1 and f"“{mark}”" in found[0].message
    assert found[0].fix.replacement == single


def test_ellipsis_dash_decimal_and_question_runs_are_not_doubled():
    text = TITLE + "等等……——其中3.5万元,版本1..2,乱码??由卫生检查报告。"
    assert run_rule(text, "P001") == []


def test_marks_of_different_kinds_side_by_side_are_not_doubled():
    assert run_rule(TITLE + "包括：、法治宣传；。结束,。", "P001") == []
    assert len(run_rule(TITLE + "、、开头就重复", "P001")) == 1


# ---------- P002 spaces ----------

def test_spaces_between_chinese_and_before_marks():
    text = TITLE + "落实“谁执法 谁普法”,定期自查 。共开展 23 场,2025 年。"
    doc = doc_of(text)
    line = doc.lines[1].text
    assert [line[a - 1:b + 1] for _, a, b in stray_spaces(doc)] == ["法 谁", "查 。", "展 2", "3 场", "5 年"]
    assert stray_space_edits(doc)[0] == Fix(2, 7, 8, "")
    assert all(f.replacement == "" for f in stray_space_edits(doc))
    # one finding per report, like P003: the count and where, the first place marked
    found = run_rule(text, "P002")
    assert len(found) == 1 and found[0].excerpt == "法 谁" and "5处" in found[0].message
    assert "第2行" in found[0].message


def test_full_width_space_after_heading_marker():
    found = run_rule(TITLE + "（一）\u3000强化组织领导", "P002")
    assert len(found) == 1


def test_spaces_that_are_layout_or_between_latin_words_are_fine():
    text = ("关于上报肖咀镇2023年法治政府建设工作的\n报  告\n县法治办:\n    2023年,推进Windows 10和IE 9升级。\n"
            "一、工作开展情况\n推进依法行政。\n中共肖咀镇委员会     \n        2024年3月20日")
    assert run_rule(text, "P002") == []


# ---------- P003 half-width ----------

def test_halfwidth_marks_are_counted_once_per_report():
    text = TITLE + "2025年,镇里(含社区)开展活动;效果:良好!\n一、主要举措\n完成率达99%,群众满意。"
    found = run_rule(text, "P003")
    assert len(found) == 1
    assert "7处" in found[0].message and "第2行、第4行" in found[0].message
    assert (found[0].line, found[0].column) == (2, 6)


def test_halfwidth_edits_cover_every_place():
    doc = doc_of(TITLE + "2025年,镇里(含社区)开展活动;效果:良好!")
    assert [(f.column, f.replacement) for f in halfwidth_edits(doc)] == [
        (6, "，"), (9, "（"), (13, "）"), (18, "；"), (21, "："), (24, "！")]


def test_halfwidth_marks_between_digits_latin_and_urls_are_not_chinese():
    doc = doc_of(TITLE + "金额1,000元,时间10:19,网址https://www.gov.cn,比例3:2,(IE9),f(x)。")
    line = doc.lines[1].text
    # only the commas that follow Chinese words; 1,000 10:19 https:// 3:2 (IE9) f(x) stay
    assert [line[i - 1:i + 2] for _, i in halfwidth_places(doc)] == ["元,时", "9,网", "n,比"]


def test_halfwidth_parens_follow_their_content():
    doc = doc_of(TITLE + "开展活动(含社区)和测试(IE9)以及(一)标题,[链接](#一、总则)。")
    fixed = [(f.column, f.replacement) for f in halfwidth_edits(doc)]
    # (含社区) and (一) become full-width; (IE9) and the Markdown link's (#…) stay
    assert fixed == [(5, "（"), (9, "）"), (20, "（"), (22, "）"), (25, "，")]


def test_clean_report_has_no_halfwidth_finding():
    assert run_rule(TITLE + "2025年，镇里（含社区）开展活动；效果：良好！", "P003") == []


# ---------- P004 文号 ----------

def test_document_number_years_take_hexagonal_brackets():
    found = run_rule(TITLE + "按照县法治办（2023）16号、35号、(2024)1号和[2022] 8号文件要求。", "P004")
    assert [f.fix.replacement for f in found] == ["〔2023〕", "〔2024〕", "〔2022〕"]
    assert "〔2023〕16号" in found[0].message and "六角括号" in found[0].message


def test_right_document_numbers_and_case_numbers_are_fine():
    text = TITLE + "按照厅字〔2019〕28号文件,审结(2023)京0101民初123号案件,(2021)年度数据。"
    assert run_rule(text, "P004") == []


# ---------- P005 pairs ----------

def test_unbalanced_quote_and_title_mark():
    found = run_rule(TITLE + "继续开展“民主法治示范村创建活动,学习《宪法》《民法典等法律。", "P005")
    assert [f.excerpt for f in found] == ["“", "《"]
    assert "左引号“ 没有对应的右引号" in found[0].message


def test_closing_without_opening():
    found = run_rule(TITLE + "开展活动)和宣传”。", "P005")
    assert [f.excerpt for f in found] == [")", "”"]


def test_balanced_pairs_list_markers_and_apostrophes():
    text = TITLE + "开展“民主法治示范村”(含社区)创建,学习《关于〈宪法〉的解读》。\n1)加强领导;a)完善制度;一)压实责任。\nthe town’s plan"
    assert run_rule(text, "P005") == []


def test_mixed_width_pair_is_balanced():
    assert run_rule(TITLE + "(一）强化组织领导", "P005") == []


# ---------- P006 short years ----------

def test_abbreviated_years():
    found = run_rule(TITLE + "已于24年1月签订协议,23年度考核优秀,24年底完成。", "P006")
    assert [f.excerpt for f in found] == ["24年", "23年", "24年"]
    assert "2024年" in found[0].message


def test_durations_and_full_years_are_not_abbreviated():
    text = TITLE + "从事基层工作24年,2024年1月签订协议,近10年来,第3.24年"
    assert run_rule(text, "P006") == []


def test_abbreviated_year_at_the_start_of_a_line_or_after_a_word():
    found = run_rule(TITLE + "24年度考核优秀\n截至25年底", "P006")
    assert [(f.line, f.excerpt) for f in found] == [(2, "24年"), (3, "25年")]
    assert run_rule(TITLE + "编号1/24年度,版本v.24年底,２24年底", "P006") == []


# ---------- P007 full-width digits ----------

def test_fullwidth_digits_become_halfwidth():
    found = run_rule(TITLE + "共组织了２３场活动,化解率９９．２%。", "P007")
    assert [(f.excerpt, f.fix.replacement) for f in found] == [("２３", "23"), ("９９．２", "99.2")]


def test_halfwidth_digits_are_fine():
    assert run_rule(TITLE + "共组织了23场活动。", "P007") == []


# ---------- P008 顿号 between titles ----------

def test_comma_between_titles_and_quotations():
    text = TITLE + "学习《宪法》、《民法典》,结合“3.8”、“3.15”等节点。\n学习《宪法》、《监察法》。"
    assert [(f.line, f.column, f.replacement) for f in title_comma_edits(doc_of(text))] == [
        (2, 7, ""), (2, 21, ""), (3, 7, "")]
    found = run_rule(text, "P008")
    assert len(found) == 1 and "3处" in found[0].message and "第2行、第3行" in found[0].message
    assert "如《宪法》、《民法典》，" in found[0].message      # the titles, not bare marks 》、《
    found = run_rule(TITLE + "坚持“谁执法谁普法”、“谁主管谁负责”原则。", "P008")
    assert "如“谁执法谁普法”、“谁主管谁负责”，" in found[0].message


def test_comma_after_a_title_before_other_words_is_needed():
    assert run_rule(TITLE + "学习《宪法》、扫黑除恶、禁毒等知识,《宪法》(2018年修正)、《民法典》。", "P008") == []


def test_comma_between_a_title_and_a_quotation_or_at_a_line_start():
    assert run_rule(TITLE + "、《宪法》\n学习《宪法》、“八五”普法,“谁执法谁普法”、《民法典》", "P008") == []
