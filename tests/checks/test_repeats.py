"""Check kinds repeated-line and repeated-clause (rules D003, D004)."""
from __future__ import annotations

from tests.conftest import SEEDS, run_rule

TITLE = "东坝街道办事处2020年法治政府建设工作情况报告"


def test_title_printed_twice():
    found = run_rule(f"{TITLE}\n{TITLE}\n2020年，东坝街道坚持依法行政。\n", "D003")
    assert [f.line for f in found] == [2] and "第1行" in found[0].message
    # spaces and a blank line between the copies do not hide it
    assert run_rule(f"{TITLE}\n\n  {TITLE.replace('2020年', '2020 年')}\n正文。\n", "D003")


def test_heading_or_paragraph_pasted_twice():
    text = f"{TITLE}\n一、主要举措和成效\n（二）强化法治宣传\n（二）强化法治宣传\n开展普法活动。\n"
    assert [f.line for f in run_rule(text, "D003")] == [4]


def test_distinct_or_short_lines_do_not_fire():
    text = f"{TITLE}\n一、主要举措和成效\n推进。\n特此报告。\n特此报告。\n"
    assert run_rule(text, "D003") == []
    assert run_rule(f"{TITLE}\n东坝街道办事处\n2021年1月5日\n", "D003") == []


def test_clause_said_twice_in_a_row():
    body = "一、主要举措和成效\n全面推进依法行政，全面推进依法行政，不断提升基层治理法治化水平。\n"
    found = run_rule(body, "D004")
    assert len(found) == 1 and "全面推进依法行政" in found[0].message
    assert found[0].fix is not None
    assert run_rule("一、主要举措和成效\n聘请法律顾问审查合同，聘请法律顾问审查合同 ，共12份。\n", "D004")


def test_parallel_clauses_and_repeats_across_sentences_do_not_fire():
    for body in ("坚持依法决策，坚持科学决策，坚持民主决策。",
                 "全面推进依法行政。全面推进依法行政，是政府工作的基本准则。",
                 "一是学法，一是学法用法。",
                 "有法必依，执法必严，违法必究。"):
        assert run_rule("一、主要举措和成效\n" + body + "\n", "D004") == [], body


def test_seeds_have_no_back_to_back_repeats():
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert run_rule(text, "D003") == [] and run_rule(text, "D004") == [], path.name


def test_tail_of_a_clause_said_again():
    body = "一、主要举措和成效\n推行“一网通办”，政务服务事项网上可办率达到98%，网上可办率达到98%。\n"
    assert len(run_rule(body, "D004")) == 1
    # a short tail again is a figure of speech, not a slip
    assert run_rule("一、主要举措和成效\n建设法治政府，政府。\n", "D004") == []


def test_merged_table_cells_repeated_are_not_a_slip():
    # python-docx gives a merged cell's text once per column it spans
    text = f"{TITLE}\n一、主要举措和成效\n推进。\n法治建设领导小组办公室\n法治建设领导小组办公室\n"
    assert run_rule(text, "D003") == []
    text = f"{TITLE}\n一、主要举措和成效\n全镇共开展普法活动12场。\n全镇共开展普法活动12场。\n"
    assert [f.line for f in run_rule(text, "D003")] == [4]
