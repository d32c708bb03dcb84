"""Check kinds heading-year, plan-year, future-date, partial-period, event-upcoming,
event-before and plan-period (rules DT001–DT007), and the dated table they use."""
from __future__ import annotations

import datetime

import pytest

from lintreport.data import load_data
from lintreport.checks.dates import quoted
from lintreport.events import dated_table as _table
from lintreport.errors import ConfigError

from tests.conftest import SEEDS, run_rule


def report(year: int, body: str, plan: str = "继续推进。", date: str = "") -> str:
    text = f"河市镇{year}年法治政府建设工作报告\n一、主要举措和成效\n{body}\n" \
           f"二、存在的不足和原因\n力量薄弱,原因在于培训不足。\n三、下一年度工作安排\n{plan}\n"
    return text + (f"河市镇人民政府\n{date}\n" if date else "")


def test_heading_naming_the_previous_year():
    text = "河市镇2024年法治政府建设工作报告\n一、2023年主要举措和成效\n推进。\n二、2025年工作思路\n继续。"
    found = run_rule(text, "DT001")
    assert [f.line for f in found] == [2] and "2023" in found[0].message
    # the plan part is about the next year
    text = "河市镇2024年法治政府建设工作报告\n一、2024年主要举措和成效\n推进。\n二、2024年工作思路\n继续。"
    assert [f.line for f in run_rule(text, "DT001")] == [4]


def test_heading_years_that_fit():
    text = "河市镇2024年法治政府建设工作报告\n一、2024年主要举措和成效\n推进。\n" \
           "（一）2021年以来的“八五”普法\n推进。\n（二）2021年—2025年普法规划的落实\n推进。\n" \
           "二、2025年工作思路\n继续。"
    assert run_rule(text, "DT001") == []


def test_plan_of_the_previous_year_made_this_year():
    text = report(2024, "研究制定《河市镇党委理论学习中心组2023年理论学习计划》,组织学习。")
    found = run_rule(text, "DT002")
    assert len(found) == 1 and "2023" in found[0].message
    assert run_rule(report(2024, "印发了2023年度普法工作要点。"), "DT002")
    assert run_rule(report(2024, "继续推进。", plan="制定2024年度普法工作计划。"), "DT002")


def test_titles_numbers_and_history_are_not_the_current_plan():
    body = "研究制定《河市镇2024年理论学习计划》,落实《法治政府建设实施纲要(2021—2025年)》," \
           "按照县法治办〔2023〕16号、（2023）35号文件要求,审议《2023年度法治政府建设情况报告》。"
    assert run_rule(report(2024, body), "DT002") == []
    # told as history: the year of making is given
    assert run_rule(report(2024, "2023年12月制定了《2023年普法工作计划》。"), "DT002") == []
    assert run_rule(report(2024, "继续执行2023年出台的矛盾纠纷化解工作方案。"), "DT002") == []
    assert run_rule(report(2024, "继续推进。", plan="制定2025年度普法工作计划。"), "DT002") == []


def test_date_after_the_report_was_written():
    found = run_rule(report(2023, "已于2024年6月签订聘请协议。", date="2024年3月20日"), "DT003")
    assert len(found) == 1 and "2024年6月" in found[0].message and "成文日期" in found[0].message
    # no date line: the publication deadline of 1 April is the limit
    assert run_rule(report(2023, "2025年完成了清单编制。"), "DT003")


def test_dates_before_writing_targets_and_plans_do_not_fire():
    body = "已于2024年1月签订聘请协议,力争到2025年实现全覆盖,计划于2026年完成。"
    assert run_rule(report(2023, body, date="2024年3月20日"), "DT003") == []
    # the end of a range, a longer number and a document number are not dates of the report
    body = "实施2020至2025年规划,编号12025年,文号〔2025〕3号,全年完成。"
    assert run_rule(report(2023, body, date="2024年3月20日"), "DT003") == []
    assert run_rule(report(2023, "推进。", plan="2024年6月前完成清单编制。",
                           date="2024年3月20日"), "DT003") == []
    assert run_rule(report(2023, "学习《法治中国建设规划(2020—2025年)》。",
                           date="2024年3月20日"), "DT003") == []


def test_part_of_the_year_in_an_annual_report():
    for phrase in ("上半年,我镇共开展普法宣传12场次。", "截至10月底,共化解矛盾纠纷217件。",
                   "截止目前,已整改到位。", "1-10月共受理案件20件。"):
        found = run_rule(report(2024, phrase), "DT004")
        assert len(found) == 1, phrase


def test_whole_year_phrases_do_not_fire():
    body = "上半年开展集中排查,下半年开展回头看。截至12月底,共化解矛盾纠纷217件。"
    assert run_rule(report(2024, body, plan="明年上半年完成清单编制。"), "DT004") == []
    assert run_rule(report(2024, "学习《关于上半年工作的通报》。"), "DT004") == []


def test_part_of_the_year_in_a_heading_or_as_a_count_so_far():
    text = "城关街道2021年法治政府建设情况报告\n一、上半年推进法治政府建设的主要举措和成效\n推进。\n" \
           "二、存在的不足和原因\n原因在于培训不足。\n三、2022年上半年工作安排\n继续。"
    found = run_rule(text, "DT004")
    assert [f.line for f in found] == [2]       # the plan's 上半年 is a plan
    for phrase in ("目前已开展法治讲座5次。", "目前共调解纠纷32起,调解成功率100%。",
                   "截至目前,累计办理行政复议案件6件。"):
        assert len(run_rule(report(2022, phrase), "DT004")) == 1, phrase


def test_state_so_far_or_a_running_count_over_years_does_not_fire():
    for phrase in ("目前已实现村(社区)法律顾问全覆盖。", "2019年以来,截至目前累计培育法治带头人46名。",
                   "自建立以来,目前已先后调解纠纷300余起。", "目前已有3名同志取得执法证。",
                   "目前共培养“法律明白人”60名。", "目前已建成村级法治文化广场12个。"):
        assert run_rule(report(2022, phrase), "DT004") == [], phrase


def test_event_spoken_of_as_coming_after_it_was_held():
    text = report(2023, "推进。", plan="做好矛盾纠纷排查化解工作,确保党的二十大胜利召开。")
    found = run_rule(text, "DT005")
    assert len(found) == 1 and "二十大" in found[0].message and "2022年10月" in found[0].message
    assert run_rule(report(2025, "以优异成绩迎接二十届三中全会召开。"), "DT005")


def test_event_coming_in_its_own_year_or_past_is_fine():
    assert run_rule(report(2022, "营造良好环境,迎接党的二十大胜利召开。"), "DT005") == []
    body = "深入学习贯彻党的二十大精神,党的二十大胜利召开以来,全面推进依法治国。"
    assert run_rule(report(2023, body), "DT005") == []


def test_event_cited_before_it_happened():
    text = report(2024, "深入贯彻党的二十届四中全会精神。", date="2025年2月10日")
    found = run_rule(text, "DT006")
    assert len(found) == 1 and "2025年10月20日" in found[0].message
    assert run_rule(report(2019, "学习宣传《民法典》。", date="2020年3月1日"), "DT006")


def test_event_checks_of_one_report_share_the_mentions_they_find():
    from lintreport.engine import lint_text
    text = report(2024, "深入贯彻党的二十届四中全会精神,确保党的二十大胜利召开。",
                  plan="深入实施“七五”普法规划。", date="2025年2月10日")
    rules = [f.rule for f in lint_text(text).findings if f.rule.startswith("DT")]
    assert {"DT005", "DT006", "DT007"} <= set(rules)


def test_events_cited_after_they_happened_are_fine():
    body = "深入贯彻党的二十届四中全会精神,学习《法治宣传教育法》。"
    assert run_rule(report(2025, body, date="2025年12月9日"), "DT006") == []
    # no date line: written by 1 April of the next year at the latest
    assert run_rule(report(2025, body), "DT006") == []


def test_plan_period_that_has_ended():
    found = run_rule(report(2023, "按照“七五”普法规划开展法治宣传教育。"), "DT007")
    assert len(found) == 1 and "2016—2020" in found[0].message
    assert run_rule(report(2023, "贯彻《法治政府建设实施纲要(2015—2020年)》。"), "DT007")
    # the plan part of a 2025 report speaks of 2026: 八五 has ended by then
    assert run_rule(report(2025, "推进。", plan="深入实施“八五”普法规划。"), "DT007")
    # a period that only starts years later
    assert run_rule(report(2018, "落实“八五”普法规划。"), "DT007")


def test_current_or_retrospective_periods_are_fine():
    body = "按照“八五”普法规划开展宣传,“七五”普法总结验收中获评先进。"
    assert run_rule(report(2024, body), "DT007") == []
    assert run_rule(report(2025, "落实《法治政府建设实施纲要(2021—2025年)》。"), "DT007") == []
    assert run_rule(report(2020, "推进。", plan="谋划“八五”普法规划。"), "DT007") == []


def test_quoted_spans_cover_titles_and_document_numbers():
    text = "贯彻《关于〈实施方案(2021—2025年)〉的措施》(垫江委法治委〔2022〕4号)及（2023）16号文件"
    spans = quoted(text)
    assert any(text[a:b].startswith("《关于") and text[a:b].endswith("》") for a, b in spans)
    assert any(text[a:b] == "（2023）16号" for a, b in spans)


def test_event_table_is_valid():
    events, periods = _table("events")
    assert len(events) >= 10 and len(periods) >= 5
    names = [e["name"] for e in events + periods]
    assert len(names) == len(set(names))
    for entry in events:
        assert isinstance(entry["date"], datetime.date) and entry["source"]
    for entry in events + periods:
        assert all("\\b" not in p for p in entry["patterns"])
    for entry in periods:
        assert entry["start"] <= entry["end"]
    raw = load_data("events")
    assert len(raw["events"]) == len(events)


def test_a_users_own_table(tmp_path):
    table = tmp_path / "my-events.yaml"
    table.write_text("events:\n"
                     "  - name: 某省第九次党代会\n"
                     "    patterns: ['省第九次党代会']\n"
                     "    date: 2023-05\n"
                     "    upcoming: true\n"
                     "    source: 测试用的虚构条目\n", encoding="utf-8")
    text = report(2024, "以优异成绩迎接省第九次党代会胜利召开。")
    found = run_rule(text, "DT005", table=str(table))
    assert len(found) == 1 and "2023年5月" in found[0].message
    assert run_rule(text, "DT005") == []    # not in the shipped table


def test_a_broken_table_names_the_file_and_entry(tmp_path):
    table = tmp_path / "bad.yaml"
    table.write_text("events:\n  - name: 缺日期的会议\n    patterns: ['会议']\n    source: x\n",
                     encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml.*第1条.*date"):
        _table(str(table))


def test_sample_reports():
    by_file = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}
    assert [f.line for f in run_rule(by_file["001"], "DT002")] == [4]
    assert [f.line for f in run_rule(by_file["003"], "DT005")] == [17]
    for rule in ("DT001", "DT003", "DT004", "DT006", "DT007"):
        for key, text in by_file.items():
            assert run_rule(text, rule) == [], (rule, key)
