"""plan-followup (F001): last year's planned items, their follow-up in this year's report, the
pairing of reports by unit and year, and the tie with D002 for a copied plan."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import lxml.html
from click.testing import CliRunner

from lintreport import checklist as cl
from lintreport import followup as F
from lintreport.cli import main
from lintreport.config import Config
from lintreport.document import parse
from lintreport.engine import lint
from lintreport.read import Line, Source
from lintreport.review import review
from lintreport.review.page import render

from ..conftest import ROOT

TOWNSHIP = cl.load("township")
SYNONYMS = TOWNSHIP.rule("F001").options["synonyms"]


def doc(text: str):
    text = textwrap.dedent(text).strip("\n")
    return parse(Source("<t>", [Line(t, i) for i, t in enumerate(text.splitlines(), 1)]))


def report(place: str, year: int, measures: str, plan: str, issuer: str = "") -> str:
    """A whole report of `place` for `year`: its results and its plan for the next year."""
    return textwrap.dedent(f"""\
        {place}{year}年法治政府建设工作报告
        一、主要举措和成效
        {measures}
        二、存在的不足和原因
        部分干部法治意识有待提高，原因是学习培训不够深入。
        三、党政主要负责人履行推进法治建设第一责任人职责情况
        党委书记带头学法，主持召开专题会议研究法治建设工作3次。
        四、{year + 1}年工作安排
        {plan}
        {issuer or place + "人民政府"}
        {year + 1}年1月10日
        """)


def labels(text: str, checklist=TOWNSHIP) -> list[str]:
    return [i.label for i in F.plan_items(doc(text), checklist)]


# ---- splitting a plan into items ----------------------------------------------------------

def test_each_standalone_sub_heading_is_an_item_and_the_introduction_is_not():
    found = labels("""
        镇2024年法治政府建设工作报告
        一、主要举措和成效
        全年开展普法活动12场。
        二、2025年工作安排
        2025年，我镇将重点抓好以下工作：
        （一）推进行政执法规范化建设，全面落实行政执法三项制度。
        （二）深化矛盾纠纷多元化解。
        """)
    assert found == ["推进行政执法规范化建设，全面落实行政执法三项制度", "深化矛盾纠纷多元化解"]


def test_enumerated_pieces_are_items_without_their_ordinals_and_the_lead_in_is_dropped():
    found = labels("""
        乡2019年度法治政府建设情况报告
        一、主要举措和成效
        开展法律进乡村活动8场次。
        二、2020年工作打算
        下一步，我乡将重点做好以下工作：一是加强“法律明白人”培养。二是推进政务公开标准化规范化。第三，建设乡级公共法律服务工作站。
        """)
    assert found == ["加强“法律明白人”培养。", "推进政务公开标准化规范化。", "建设乡级公共法律服务工作站。"]


def test_a_sub_heading_with_enumerated_items_gives_the_items():
    found = labels("""
        县2021年度法治政府建设情况报告
        一、2021年度推进法治政府建设的主要举措和成效
        精简审批事项23项。
        二、2022年度推进法治政府建设的主要安排
        （一）持续优化法治化营商环境
        一是全面推行证明事项告知承诺制。二是推进“互联网+监管”。
        （二）建设关山草原法治文化公园
        依托景区建设法治文化公园。
        """, cl.load("county"))
    assert found == ["全面推行证明事项告知承诺制。", "推进“互联网+监管”。", "建设关山草原法治文化公园"]


def test_running_text_splits_at_sentences_that_open_with_a_verb():
    found = labels("""
        县司法局2023年法治政府建设年度报告
        一、主要举措和成效
        评查案卷120卷。
        二、2024年工作安排
        下一步，县司法局将重点抓好以下工作。加强公共法律服务体系建设，推动三级平台全覆盖。力争年底前完成。持续开展“八五”普法。
        """, cl.load("county"))
    # the sentence that does not open with a verb goes on with the item before it
    assert found == ["加强公共法律服务体系建设，推动三级平台全覆盖。", "持续开展“八五”普法。"]


def test_a_report_without_a_plan_has_no_items():
    assert labels("""
        镇2024年法治政府建设工作报告
        一、主要举措和成效
        全年开展普法活动12场。
        """) == []


# ---- where this year's report tells its work ---------------------------------------------

def test_results_are_looked_for_outside_the_plan_and_the_shortcomings():
    places = F.result_places(doc(report("石鼓镇", 2025, "（一）规范行政执法。开展执法案卷评查2次。",
                                        "加强法治宣传阵地建设。")), TOWNSHIP)
    texts = [p.text for p in places]
    assert texts[0] == "规范行政执法。开展执法案卷评查2次。"       # the run-in heading leads
    assert any("党委书记带头学法" in t for t in texts)          # the leaders' part counts
    assert not any("法治意识有待提高" in t or "法治宣传阵地" in t for t in texts)


# ---- matching ------------------------------------------------------------------------------

def _match(plan: str, results: list[str]):
    items = [(10, 0, len(plan), plan, plan)]
    places = [(n, 0, len(t), t, t) for n, t in enumerate(results, 1)]
    return F.follow_up(items, places, F.THRESHOLD, SYNONYMS)[0]


def test_a_reworded_follow_up_is_found():
    m = _match("推进行政执法规范化建设，全面落实行政执法三项制度",
               ["全年开展普法宣传活动12场，发放资料3000份。",
                "严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，开展执法案卷评查。"])
    assert m.place is not None and m.place[0] == 2


def test_a_follow_up_in_other_words_is_found_through_its_distinctive_words():
    m = _match("加强“法律明白人”培养，每个村培养法律明白人不少于5名",
               ["乡党委书记带头学法。", "在全乡9个村开展培训，共培养法律明白人52名。"])
    assert m.place is not None and m.place[0] == 2


def test_an_unrelated_item_is_not_matched_to_work_that_shares_only_common_words():
    m = _match("打造金沙江畔法治文化长廊，推动法治文化与旅游融合发展",
               ["开展民法典宣传月、国家安全教育日等主题活动12场，发放宣传资料6000余份。",
                "严格落实行政执法公示制度，开展执法案卷评查2次。"])
    assert m.place is None


def test_the_hand_written_pairs_are_matched_with_high_precision_and_recall():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import followup_eval as E
    finally:
        sys.path.pop(0)
    c = E.score(E.load_pairs(), lambda i, p: F.follow_up(i, p, F.THRESHOLD, SYNONYMS))
    print(E.line("tests/pairs", c))
    assert c["split"] == 0, "every expected planned item is split out of its plan"
    assert c["tp"] + c["fn"] >= 30 and c["tn"] >= 10
    assert c["precision"] >= 0.9 and c["recall"] >= 0.9


# ---- the rule: pairing, findings, D002 -----------------------------------------------------

PLAN_2024 = ("（一）推进行政执法规范化建设，全面落实行政执法三项制度。\n"
             "（二）打造金沙江畔法治文化长廊，推动法治文化与旅游融合发展。")
RESULTS_2025 = "（一）规范行政执法。严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，开展执法案卷评查2次。"


def write(folder, name: str, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def f001(result):
    return {os.path.basename(r.path): [f for f in r.findings if f.rule == "F001"]
            for r in result.files}


def test_one_report_and_its_previous_report_give_the_items_without_follow_up(tmp_path):
    before = write(tmp_path / "2024", "石鼓镇.txt", report("石鼓镇", 2024, "开展普法活动。", PLAN_2024))
    now = write(tmp_path / "2025", "石鼓镇.txt", report("石鼓镇", 2025, RESULTS_2025, "加强普法。"))
    result = lint([now], Config(select=("F001",)), previous=[before], jobs=1)
    (found,) = f001(result)["石鼓镇.txt"]
    assert "打造金沙江畔法治文化长廊" in found.message and found.message.startswith("2024年度报告")
    assert found.line == 2                                  # at this year's results part
    assert found.related[0].path == before and found.related[0].line == 10
    rows = result.files[0].stats["followup"]["rows"]
    assert [row[2] for row in rows] == [3, None]            # item 1 reported on line 3


def test_a_folder_of_previous_reports_is_paired_by_unit_and_year(tmp_path):
    prev = tmp_path / "prev"
    write(prev, "a.txt", report("石鼓镇", 2024, "开展普法活动。", PLAN_2024))
    write(prev, "b.txt", report("巨甸镇", 2024, "开展普法活动。", "（一）建设巨甸镇金沙江法治广场，设置宣传标识。"))
    write(prev, "c.txt", report("鲁甸乡", 2023, "开展普法活动。", "（一）建设鲁甸乡法治文化公园，设置宣传标识。"))
    now = tmp_path / "now"
    paths = [write(now, "石鼓镇.txt", report("石鼓镇", 2025, RESULTS_2025, "加强普法。")),
             write(now, "巨甸镇.txt", report("巨甸镇", 2025, "开展普法活动。", "加强普法。")),
             write(now, "鲁甸乡.txt", report("鲁甸乡", 2025, "开展普法活动。", "加强普法。"))]
    result = lint(paths, Config(select=("F001",)), previous=[str(prev)], jobs=1)
    found = f001(result)
    assert [f.excerpt for f in found["石鼓镇.txt"]] == ["打造金沙江畔法治文化长廊，推动法治文化与旅游融合发展"]
    assert "巨甸镇金沙江法治广场" in found["巨甸镇.txt"][0].message
    assert found["鲁甸乡.txt"] == []        # its report of 2023 is two years back: not last year's
    stats = {os.path.basename(r.path): r.stats["followup"] for r in result.files}
    assert stats["鲁甸乡.txt"] == {"previous": None}


def test_departments_are_paired_by_their_issuing_body(tmp_path):
    plan = "加强公共法律服务体系建设，推动公共法律服务实体平台全覆盖。筹建律师行业党委。"
    before = write(tmp_path / "p", "x.txt", report("井研县司法局", 2023, "评查案卷。", plan, "井研县司法局"))
    write(tmp_path / "p", "y.txt", report("井研县民政局", 2023, "评查案卷。", "推进殡葬改革。", "井研县民政局"))
    now = write(tmp_path, "n.txt", report("井研县司法局", 2024, "公共法律服务实体平台实现全覆盖。",
                                          "加强司法所建设。", "井研县司法局"))
    result = lint([now], Config(checklist="county", select=("F001",)), previous=[str(tmp_path / "p")], jobs=1)
    assert [f.excerpt for f in f001(result)["n.txt"]] == ["筹建律师行业党委。"]
    assert result.files[0].stats["followup"]["previous"] == before


def test_without_previous_reports_the_rule_does_not_run_and_jieba_idf_is_not_loaded(tmp_path):
    a = write(tmp_path, "a.txt", report("石鼓镇", 2024, "开展普法活动。", PLAN_2024))
    b = write(tmp_path, "b.txt", report("石鼓镇", 2025, RESULTS_2025, "加强普法。"))
    code = ("import sys; from lintreport.engine import lint; from lintreport.config import Config;"
            f"r = lint([{a!r}, {b!r}], Config(), jobs=1);"
            "assert not [f for f in r.findings if f.rule == 'F001'];"
            "assert 'jieba.analyse' not in sys.modules; assert 'followup' not in str(r.files[1].stats)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_d002_says_when_this_years_plan_copies_last_years_plan(tmp_path):
    copied = "加强老旧小区物业纠纷治理，在辖区老旧小区推行“物业服务+调解”模式，设立物业纠纷调解室，推动物业纠纷就地化解。"
    before = write(tmp_path, "2023.txt", report("淮河路街道", 2023, "化解矛盾纠纷210件。", copied, "淮河路街道办事处"))
    now = write(tmp_path, "2024.txt", report("淮河路街道", 2024, "在15个老旧小区设立物业纠纷调解室。",
                                            copied, "淮河路街道办事处"))
    result = lint([now], Config(select=("D002", "F001", "F002")), previous=[before], jobs=1)
    (d002,) = [f for f in result.findings if f.rule == "D002"]
    assert "本单位2023年度的报告，两段都在下一年度安排部分：本年度的安排照搬了该年度的安排" in d002.message
    # the planned item itself was followed up: F001 says nothing of it; the copy is D002's alone
    assert [f.rule for f in result.findings] == ["D002"]


def test_f002_reports_a_planned_item_repeated_inside_a_reworked_plan_paragraph(tmp_path):
    old = ("一要健全社区法律顾问制度，推动法律顾问每周到社区坐班。二要推进“智慧社区”建设，"
           "整合网格、视频监控等数据资源，提升基层治理数字化水平。三要加强普法。")
    new = ("一要加强普法。二要开展民法典宣传月活动，全年举办讲座12场。三要推进“智慧社区”建设，"
           "整合网格、视频监控等数据资源，提升基层治理数字化水平。")
    before = write(tmp_path, "2023.txt", report("淮河路街道", 2023, "化解矛盾纠纷210件。", old, "淮河路街道办事处"))
    now = write(tmp_path, "2024.txt", report("淮河路街道", 2024, "法律顾问每周到社区坐班半天。", new,
                                            "淮河路街道办事处"))
    result = lint([now], Config(select=("D002", "F002")), previous=[before], jobs=1)
    (f002,) = result.findings      # not the paragraph (D002), not the short 加强普法 (both years)
    assert f002.rule == "F002" and f002.line == 9 and f002.related[0].line == 9
    assert f002.excerpt.startswith("推进“智慧社区”建设") and "2023年度报告" in f002.message
    text = open(now, encoding="utf-8").read().splitlines()[8]
    assert text[f002.column - 1:].startswith("三要推进“智慧社区”")     # the item with its ordinal


def test_cli_and_review_page(tmp_path):
    before = write(tmp_path / "2024", "石鼓镇.txt", report("石鼓镇", 2024, "开展普法活动。", PLAN_2024))
    now = write(tmp_path / "2025", "石鼓镇.txt", report("石鼓镇", 2025, RESULTS_2025, "加强普法。"))
    out = CliRunner().invoke(main, ["check", "--select", "F001", "--previous", before, now])
    assert out.exit_code == 1 and "F001" in out.output and "金沙江畔" in out.output
    page = lxml.html.fromstring(render(review([now], Config(select=("F001",)), previous=[before], jobs=1)))
    rows = page.xpath("//table[@class='followup']/tbody/tr")
    assert [r.xpath("string(td[2])") for r in rows][1] == "未见落实情况"
    assert rows[0].xpath("td[2]/a/@href") == ["#r1-L3"]


def test_word_documents_of_both_years(tmp_path):
    import docx

    def save(text: str, name: str) -> str:
        d = docx.Document()
        for line in text.strip().splitlines():
            d.add_paragraph(line)
        d.save(tmp_path / name)
        return str(tmp_path / name)

    before = save(report("石鼓镇", 2024, "开展普法活动。", PLAN_2024), "去年报告.docx")
    now = save(report("石鼓镇", 2025, RESULTS_2025, "加强普法。"), "今年报告.docx")
    out = CliRunner().invoke(main, ["check", "--select", "F001", "--format", "json",
                                    "--previous", before, now])
    assert out.exit_code == 1, out.output
    assert "去年报告.docx第10行" in out.output and "金沙江畔" in out.output


def test_a_previous_report_that_cannot_be_read_is_named_and_the_others_are_checked(tmp_path):
    bad = write(tmp_path, "去年.docx", "这不是一个 Word 文件")
    now = write(tmp_path, "今年.txt", report("石鼓镇", 2025, RESULTS_2025, "加强普法。"))
    out = CliRunner().invoke(main, ["check", "--select", "F001", "--previous", bad, now])
    assert out.exit_code == 2
    assert "去年.docx" in out.output and "Traceback" not in out.output
    assert "今年.txt（2025年度）" in out.output
