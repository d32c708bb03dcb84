"""The report year from evidence that votes (lintreport/year.py)."""
from __future__ import annotations

import datetime

from lintreport.year import infer, own_year, parse_written


def test_cited_titles_ranges_and_numbers_are_not_the_report_speaking():
    assert own_year("按照《纲要（2023—2027年）》要求，现将2023年工作情况报告如下：") == 2023
    assert own_year("对照《规划（2021—2025年）》的部署") is None
    assert own_year("依据〔2024〕3号文件") is None
    assert own_year("2021—2025年期间") is None


def test_all_evidence_agrees():
    v = infer("东泉镇2022年法治政府建设工作报告", ["2022年，东泉镇坚持依法行政。"],
              plan_heading="四、2023年工作安排", date=datetime.date(2023, 1, 6))
    assert v.year == 2022 and not v.conflicts
    assert [e.kind for e in v.evidence] == ["title", "opening", "plan", "date"]


def test_the_majority_wins_over_a_wrong_title_and_says_so():
    v = infer("勐遮镇2022年法治政府建设工作报告", ["2021年，勐遮镇推进依法行政。"],
              plan_heading="四、2022年工作打算", date=datetime.date(2022, 1, 12))
    assert v.year == 2021
    assert [e.kind for e in v.conflicts] == ["title"]


def test_a_tie_goes_to_the_title():
    v = infer("那吾镇2025年法治政府建设工作报告", ["2024年，那吾镇坚持依法行政。"])
    assert v.year == 2025 and [e.kind for e in v.conflicts] == ["opening"]


def test_never_the_largest_year_seen():
    v = infer("撮镇镇2020年法治政府建设工作报告",
              ["2020年，撮镇镇坚持依法行政，力争到2025年基本建成法治镇。"])
    assert v.year == 2020


def test_the_page_written_date_when_nothing_else_tells():
    v = infer("井口街道办事处法治政府建设情况报告", ["今年以来，井口街道推进依法行政。"],
              written=parse_written("2026-01-20"))
    assert v.year == 2025 and v.evidence[0].kind == "written"


def test_a_date_late_in_the_year_is_that_year():
    v = infer("", ["东升街道深入推进法治建设。"], date=datetime.date(2020, 12, 28))
    assert v.year == 2020
    assert v.evidence[0].fits(2019) and v.evidence[0].fits(2020)


def test_no_evidence_no_year():
    assert infer("关于法治政府建设工作情况的报告", ["一年来，我镇推进依法行政。"]).year is None


def test_written_date_forms():
    assert parse_written("2026年01月09日") == datetime.date(2026, 1, 9)
    assert parse_written("2024/1/8") == datetime.date(2024, 1, 8)
    assert parse_written("不详") is None
