"""Findings about one report agree with each other and with the tables built from them:
no finding sends the reader to a part another finding says is missing, and a part a
finding calls incomplete is not shown as complete."""
from __future__ import annotations

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.engine import lint_text
from lintreport.review import review
from lintreport.review.page import part_state
from tests.conftest import SEEDS

# reports that lack some parts and leave topics out, at several levels and years
REPORTS = [
    # no 第一责任人 part; 三项制度 only in the plan: C001 must not point into the missing part
    "河市镇2024年法治政府建设工作报告\n2024年，河市镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，"
    "扎实推进法治政府建设。现将有关情况报告如下。\n一、主要举措和成效\n推进依法行政。\n二、存在的不足和原因\n"
    "执法力量薄弱，主要原因在于培训不足。\n三、下一年度工作安排\n全面落实行政执法“三项制度”。\n",
    # no results part headed as such, leaders present, 三项制度 only in the shortcomings
    "城关街道2020年法治政府建设情况报告\n2020年，城关街道办事处坚持依法行政，统筹推进法治街道建设，"
    "各项工作取得新进展。现将有关情况报告如下。\n一、存在的问题\n行政执法三项制度落实不够，原因是人员不足。\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n街道党工委书记带头学法。\n",
    "县司法局2019年法治政府建设年度报告\n2019年，县司法局在县委、县政府的领导下，认真履行法治建设职责，"
    "扎实推进依法行政。现将有关情况报告如下。\n一、2019年工作开展情况\n推进依法行政。\n"
    "二、下一步工作计划\n落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。\n",
]


def _missing_parts(result, checklist) -> set[str]:
    return {checklist.parts[k].name for k, present in result.parts.items() if not present}


def _cases():
    for name in ("township", "county"):
        for text in REPORTS + [p.read_text(encoding="utf-8") for p in SEEDS]:
            yield name, text


@pytest.mark.parametrize("name,text", list(_cases()),
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(_cases())])
def test_no_finding_points_into_a_missing_part(name, text):
    checklist = cl.load(name)
    result = lint_text(text, Config(checklist=name))
    missing = _missing_parts(result, checklist)
    kinds = {r.id: r.check for r in checklist.rules}
    for f in result.findings:
        if kinds.get(f.rule) == "required-part":
            continue
        for part in missing:
            assert f"“{part}”" not in f.message, f"{f.rule} names the missing part: {f.message}"


def test_c001_names_only_the_parts_the_report_has():
    result = lint_text(REPORTS[0])
    c001 = [f for f in result.findings if f.rule == "C001"]
    assert {f.rule for f in result.findings} >= {"S004", "C001"}
    assert c001 and "“主要举措和成效”" in c001[0].message
    assert "第一责任人" not in c001[0].message


def test_part_table_agrees_with_part_findings(tmp_path):
    for n, text in enumerate(REPORTS + [p.read_text(encoding="utf-8") for p in SEEDS]):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    batch = review([str(tmp_path)], Config(), jobs=1)
    by_id = {r.id: r for r in batch.rules}
    for report in batch.reports:
        for f in report.result.findings:
            rule = by_id[f.rule]
            if rule.check == "part-mentions":
                assert part_state(report.result, rule.options["part"], batch.rules)[0] == "不全"
            if rule.check == "required-part":
                assert part_state(report.result, rule.options["part"], batch.rules)[0] == "缺"
