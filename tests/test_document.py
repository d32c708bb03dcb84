"""The document model: title, addressee, heading tree, closing, report year."""
from __future__ import annotations

import datetime
import textwrap

from lintreport.document import parse
from lintreport.read import Line, Source, read

from tests.conftest import SEEDS


def doc_of(text: str):
    text = textwrap.dedent(text).strip("\n")
    return parse(Source("<t>", [Line(t, i) for i, t in enumerate(text.splitlines(), 1)]))


def test_title_over_two_lines_addressee_and_closing():
    d = doc_of("""
        关于上报肖咀镇2023年法治政府建设工作的
        报  告

        县法治办：
        2023年，肖咀镇坚持依法行政。
        一、工作开展情况
        （一）加强组织领导，夯实基础。镇党委统筹推进。
        二、当前存在的主要问题
        一是执法力量薄弱。
        中共肖咀镇委员会
                2024年3月20日
        """)
    assert d.title_text == "关于上报肖咀镇2023年法治政府建设工作的报告"
    assert d.addressee.text == "县法治办："
    assert [p.text for p in d.opening] == ["2023年，肖咀镇坚持依法行政。"]
    assert [(h.level, h.number, h.title) for h in d.headings] == [
        (1, 1, "工作开展情况"), (2, 1, "加强组织领导，夯实基础"), (1, 2, "当前存在的主要问题")]
    run_in = d.sections[0].children[0].paragraphs[0]
    assert run_in.text == "镇党委统筹推进。" and run_in.start > 0
    assert d.issuer.text == "中共肖咀镇委员会"
    assert d.date == datetime.date(2024, 3, 20)
    assert d.report_year == 2023


def test_no_title_when_report_opens_with_text_or_addressee():
    assert doc_of("市委、市政府:\n2025年,那吾镇依法行政。\n一、主要举措和成效\n推进。").title == []
    assert doc_of("2024年河市镇法治建设工作在区管委的统一领导下推进。\n一、成效\n推进。").title == []


def test_half_width_markers_and_levels():
    d = doc_of("""
        一、主要举措和成效
        (一)厚植法治理念
        1.始终将学习习近平法治思想作为首要政治任务,通过党委会、党委理论中心组、周例会和个人自学等方式,深刻领会其核心要义。同时组织村干部学法。
        (1)专题学习
        二、存在的不足和原因
        """)
    assert [(h.form, h.level) for h in d.headings] == [(1, 1), (2, 2), (3, 3), (4, 4), (1, 1)]
    item = d.headings[2]
    assert item.run_in and item.title == "始终将学习习近平法治思想作为首要政治任务"


def test_top_level_markers_restarting_under_a_part_are_nested():
    d = doc_of("""
        三、党政主要负责人履职情况
        镇党委书记带头学法。
        四、下一年度推进法治政府建设的主要安排
        下一年度,继续推进。
        一、深化法治素养培育
        一是强化干部学法用法。
        二、深化政务公开建设
        公开透明。
        """)
    plan = d.sections[-1]
    assert plan.title.startswith("下一年度")
    assert [c.heading.form for c in plan.children] == [1, 1]
    assert [c.level for c in plan.children] == [2, 2]


def test_numbers_that_are_not_markers():
    d = doc_of("2.5亿元用于建设。\n2025年,推进工作。\n一是加强学习。\n一方面,加强监督。")
    assert d.headings == []


def test_report_year_from_heading_or_plan_year():
    d = doc_of("法治建设稳步推进。\n一、主要举措和成效\n推进。\n二、2025年工作思路\n继续。")
    assert d.report_year == 2024


def test_web_blocks_are_excluded():
    d = parse(read(str(SEEDS[4])))
    assert [(a, b) for a, b, _ in d.web_blocks] == [(1, 8), (10, 12), (125, 128)]
    assert all(not (1 <= l.number <= 8 or l.number >= 125) for l in d.lines)
    assert d.title_text.startswith("虎跳峡镇人民政府2025年")


def test_seed_reports_parse_into_their_parts():
    years = [parse(read(str(p))).report_year for p in SEEDS]
    assert years == [2025, 2024, 2025, 2023, 2025]
    for path in SEEDS:
        d = parse(read(str(path)))
        assert d.sections and d.paragraphs
        for p in d.paragraphs:
            assert p.line.text[p.start:].strip().startswith(p.text[:5])


def test_empty_and_blank_documents():
    assert doc_of("").paragraphs == []
    assert doc_of("   \n\n  ").headings == []


def test_a_finished_title_does_not_swallow_the_next_short_line():
    d = doc_of("某镇2025年法治政府建设工作报告\n主要工作\n推进依法行政。")
    assert d.title_text == "某镇2025年法治政府建设工作报告"


def test_word_heading_styles_without_numbers(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("某镇2025年法治政府建设工作报告", style="Title")
    for heading, body in (("主要举措和成效", "推行三项制度。"), ("存在的不足和原因", "原因在于人少。")):
        document.add_paragraph(heading, style="Heading 1")
        document.add_paragraph(body)
    document.save(str(tmp_path / "s.docx"))
    d = parse(read(str(tmp_path / "s.docx")))
    assert d.title_text == "某镇2025年法治政府建设工作报告"
    assert [(s.level, s.title) for s in d.sections] == [(1, "主要举措和成效"), (1, "存在的不足和原因")]
