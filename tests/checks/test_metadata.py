"""Check kinds title-present, closing-present, year-consistency, deadline (M001–M004)."""
from __future__ import annotations

import pytest

from lintreport.config import Config
from lintreport.engine import lint_text
from lintreport import checklist as cl

from tests.conftest import SEEDS, run_rule

BODY = "一、主要举措和成效\n推进依法行政。\n"


def test_title_missing_points_at_the_first_line():
    findings = run_rule("县法治办:\n2025年,推进。\n" + BODY, "M001")
    assert [f.line for f in findings] == [1]
    assert run_rule("那吾镇2025年法治政府建设工作报告\n" + BODY, "M001") == []


def test_closing_issuer_and_date():
    assert run_rule("标题2025年工作报告\n" + BODY + "那吾镇人民政府\n2025年12月9日", "M002") == []
    assert run_rule("标题2025年工作报告\n" + BODY + "那吾镇人民政府 2025年12月9日", "M002") == []
    assert run_rule("标题2025年工作报告\n" + BODY + "二〇二五年十二月九日", "M002")[0].message \
        .endswith("落款（发文机关署名）")
    assert "成文日期" in run_rule("标题2025年工作报告\n" + BODY, "M002")[0].message


def test_year_mismatch_between_title_body_and_date():
    ok = "那吾镇2025年法治政府建设工作报告\n2025年,推进。\n" + BODY + "那吾镇人民政府\n2026年2月1日"
    assert run_rule(ok, "M003") == []
    bad = "那吾镇2025年法治政府建设工作报告\n2024年,推进。\n" + BODY
    assert "2024" in run_rule(bad, "M003")[0].message


def test_deadline_is_configurable():
    text = "那吾镇2025年法治政府建设工作报告\n" + BODY + "那吾镇人民政府\n2026年3月20日"
    assert run_rule(text, "M004") == []
    chk = cl.load("township")
    result = lint_text(text, Config(deadline="03-01"), rules=[chk.rule("M004")])
    assert len(result.findings) == 1 and "2026年3月1日" in result.findings[0].message


def test_sample_reports():
    fired = {p.name[:3]: sorted(r for r in ("M001", "M002", "M003", "M004")
                                if run_rule(p.read_text("utf-8"), r)) for p in SEEDS}
    assert fired == {"000": ["M001"], "001": ["M001", "M002"], "002": ["M002"],
                     "003": [], "004": ["M002"]}


@pytest.mark.parametrize("text,checklist,suggest", [
    ("县法治办:\n2023年,石门街道坚持依法行政。\n" + BODY, "township", "“石门街道2023年法治政府建设工作报告”"),
    ("2021年，青山乡法治建设工作在县委的统一领导下，稳步推进。\n" + BODY, "township",
     "“青山乡2021年法治政府建设工作报告”"),
    ("市人民政府：\n2020年，我县坚持依法行政。\n" + BODY, "county", "“××县2020年法治政府建设工作报告”"),
    ("区委、区政府：\n2019年，区司法局认真履职。\n" + BODY, "county", "“区司法局2019年法治政府建设工作报告”"),
])
def test_title_suggestion_uses_the_reports_place_year_and_level(text, checklist, suggest):
    found = run_rule(text, "M001", checklist)
    assert len(found) == 1 and suggest in found[0].message
    assert "2025" not in found[0].message or "2025" in text


def test_title_quote_is_cut_at_a_word_or_clause_not_mid_word():
    found = run_rule("2024年河市镇法治建设工作在区管委的统一领导下,全面贯彻落实党的二十大精神。\n" + BODY,
                     "M001")
    first = found[0].message.split("报告开头是“")[1].split("”")[0]
    assert first.endswith("……") and not first.endswith("的统……")
    assert first == "2024年河市镇法治建设工作在区管委的……"
