"""Check kinds title-present, closing-present, year-consistency, deadline (M001–M004)."""
from __future__ import annotations

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
