"""The reviewer's batch: every report of a folder linted with its text kept, one HTML file
with an overview and a page per report, one spreadsheet row per report."""
from __future__ import annotations

import csv
import re
import shutil

import lxml.html
import pytest
from click.testing import CliRunner

from lintreport.cli import main
from lintreport.config import Config
from lintreport.document import parse
from lintreport.engine import FileResult
from lintreport.finding import Finding, Severity
from lintreport.read import Line, Source
from lintreport.place import place_of
from lintreport.review import Report, review
from lintreport.review.page import render, render_report
from lintreport.review.table import rows, write_csv, write_xlsx
from tests.conftest import SEEDS
from tests.test_read_html import make_page
from tests.test_read_pdf import make_pdf


def having(el, tag: str, cls: str) -> list:
    """Descendants <tag class="… cls …"> (no cssselect needed)."""
    return el.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def make_batch(folder) -> list[str]:
    """The five sample reports, one of them also as a web page and one as a PDF."""
    folder.mkdir(exist_ok=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "虎跳峡镇网页.html").write_bytes(make_page(SEEDS[4].read_text(encoding="utf-8")))
    make_pdf(folder / "那吾镇.pdf", SEEDS[0].read_text(encoding="utf-8"))
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch") / "reports"
    make_batch(folder)
    return folder, review([str(folder)], Config())


def test_every_report_is_reviewed_with_its_place_and_text(batch):
    _, result = batch
    assert len(result.reports) == 7 and not result.errors
    by_kind = {r.kind: r for r in result.reports}
    assert set(by_kind) == {"text", "html", "pdf"}
    assert by_kind["pdf"].place == "那吾镇" and by_kind["html"].place == "虎跳峡镇"
    assert {r.place for r in result.reports} >= {"那吾镇", "河市镇", "垫江县曹回镇", "肖咀镇", "虎跳峡镇"}
    assert by_kind["pdf"].lines[-1][2] > 1, "PDF lines keep their page"
    assert by_kind["html"].published.isoformat() == "2026-02-05"
    for r in result.reports:
        numbers = [n for n, *_ in r.lines]
        assert numbers == sorted(set(numbers))
        assert {f.line for f in r.result.findings} <= set(numbers)


def test_html_is_one_self_contained_file(batch):
    _, result = batch
    page = render(result)
    assert not re.search(r"<link|<img|<iframe|\ssrc=|@import|url\(", page)
    assert not re.search(r"""(?:href|src)=["']?(?:https?:)?//""", page)
    root = lxml.html.document_fromstring(page)
    assert len(having(root, "table", "overview")[0].xpath("tbody/tr")) == 7
    for i, r in enumerate(result.reports, 1):
        section = root.get_element_by_id(f"r{i}")
        assert len(having(section, "tr", "finding")) == len(r.result.findings)
        assert len(having(section, "div", "ln")) == len(r.lines)
    fired = {f.rule for f in result.findings}
    assert {dt.get("id")[5:] for dt in root.get_element_by_id("rules").xpath(".//dt")} == fired


def test_marks_cover_exactly_the_characters_of_each_finding(batch):
    _, result = batch
    root = lxml.html.document_fromstring(render(result))
    checked = 0
    for i, r in enumerate(result.reports, 1):
        texts = {n: t for n, t, _, _ in r.lines}
        for k, f in enumerate(r.result.findings):
            if f.end_column is None or f.end_line != f.line:
                continue
            line = root.get_element_by_id(f"r{i}-L{f.line}")
            marked = "".join(m.text_content() for m in line.xpath(".//mark")
                             if str(k) in m.get("data-f").split())
            assert marked == texts[f.line][f.column - 1:f.end_column - 1], (r.path, f)
            checked += 1
    assert checked > 5


def _report(lines, findings, prefix=0):
    source = [(n, t, None, prefix) for n, t in enumerate(lines, 1)]
    return Report(FileResult("r.txt", findings, kind="text", place="某镇", lines=tuple(source)))


def _f(line, column, end_column, rule="P001", severity=Severity.WARNING, end_line=None):
    return Finding("r.txt", line, column, rule, end_line or line, end_column, "punctuation",
                   severity, f"{rule}的说明<&>", "GB/T 15834—2011")


def test_overlapping_findings_split_into_segments():
    findings = [_f(1, 2, 5), _f(1, 4, 7, "P002", Severity.ERROR)]
    html = render_report(_report(["一二三四五六"], findings), "r1")
    line = lxml.html.fragment_fromstring(html, create_parent="div").get_element_by_id("r1-L1")
    marks = [(m.text_content(), m.get("data-f"), m.get("class")) for m in line.xpath(".//mark")]
    assert marks == [("二三", "0", "sev-warning"), ("四", "0 1", "sev-error"),
                     ("五六", "1", "sev-error")]
    assert "P001的说明&lt;&amp;&gt;" in html


def test_whole_line_and_multi_line_findings():
    findings = [_f(1, 1, None, "S004", Severity.ERROR), _f(2, 3, 2, "D001", end_line=3)]
    html = render_report(_report(["标题", "第一行文字", "第二行文字"], findings), "r1")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert not root.get_element_by_id("r1-L1").xpath(".//mark")
    assert having(root.get_element_by_id("r1-L1"), "a", "badge")[0].text == "S004"
    assert [m.text_content() for m in root.get_element_by_id("r1-L2").xpath(".//mark")] == ["行文字"]
    assert [m.text_content() for m in root.get_element_by_id("r1-L3").xpath(".//mark")] == ["第"]


def test_word_list_numbers_shift_the_marks():
    # the reader put "1." in front (Word numbering); the finding's columns count without it
    html = render_report(_report(["1.加强组织领导"], [_f(1, 1, 3)], prefix=2), "r1")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [m.text_content() for m in root.xpath(".//mark")] == ["加强"]


def test_text_is_escaped():
    html = render_report(_report(["<script>alert(1)</script>报告"], []), "r1")
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("title,issuer,opening,place", [
    ("关于上报肖咀镇2023年法治政府建设工作的报告", "", "", "肖咀镇"),
    ("县司法局2025年法治政府建设年度报告", "", "", "县司法局"),
    ("垫江县曹回镇人民政府 2025年法治政府建设情况的报告", "", "", "垫江县曹回镇"),
    ("", "那吾镇人民政府", "", "那吾镇"),
    ("", "", "2024年河市镇法治建设工作在区管委的统一领导下,全面贯彻落实。", "河市镇"),
    ("", "", "今年以来,东城街道坚持以习近平法治思想为指导。", "东城街道"),
    ("法治政府建设年度报告", "", "今年以来,我们认真贯彻落实上级部署。", ""),
])
def test_place_of(title, issuer, opening, place):
    body = "一、主要举措和成效\n" + (opening or "我们做了很多工作。") + "\n"
    text = (title + "\n" if title else "") + body + (issuer + "\n2026年1月5日" if issuer else "")
    lines = [Line(t, n) for n, t in enumerate(text.splitlines(), 1)]
    if opening and not title:
        lines = [Line(opening, 1)] + [Line(t, n + 1) for n, t in enumerate(body.splitlines()[:1], 1)]
    assert place_of(parse(Source("r.txt", lines))) == place


def test_spreadsheet_rows(batch, tmp_path):
    _, result = batch
    table = rows(result)
    assert table[0][:3] == ["序号", "报告", "文件"] and len(table) == 8
    header = table[0]
    for r, row in zip(result.reports, table[1:]):
        assert row[header.index("错误")] == r.count(Severity.ERROR)
        gaps = {f.rule for f in r.result.findings} & {"S005"}
        assert row[header.index("第一责任人")] == \
            ("缺" if not r.result.parts["leaders"] else "不全" if gaps else "有")
    write_csv(result, tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        assert [row[:2] for row in csv.reader(f)] == [[str(c) for c in row[:2]] for row in table]
    openpyxl = pytest.importorskip("openpyxl")
    write_xlsx(result, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    got = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert got == table


def test_spreadsheet_agrees_with_the_findings_and_lists_every_finding(tmp_path):
    """不足原因 is not 有 when S003 says the causes are missing; rules by name; a second
    sheet (and CSV) with one row per finding, filterable, header frozen."""
    openpyxl = pytest.importorskip("openpyxl")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "石门街道2022年法治政府建设工作报告\n2022年，石门街道在上级党委、政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，各项工作取得新进展。现将有关情况报告如下。\n一、主要举措和成效\n推进依法行政,健全制度。\n"
        "二、存在的问题及不足\n执法力量薄弱。\n三、下一年度工作安排\n继续推进。\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "青山县2021年法治政府建设工作报告\n2021年，青山县在上级党委、政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设，各项工作取得新进展。现将有关情况报告如下。\n一、主要举措和成效\n推进依法行政。\n"
        "二、存在的不足和原因\n执法力量薄弱，主要原因在于培训不足。\n", encoding="utf-8")
    result = review([str(folder)], Config(), jobs=1)
    table = rows(result)
    header = table[0]
    a, b = table[1], table[2]
    assert "S003" in {f.rule for f in result.reports[0].result.findings}
    assert a[header.index("不足原因")] == "不全" and b[header.index("不足原因")] == "有"
    assert "缺少不足的原因（S003）" in a[header.index("问题")]
    assert "×" not in a[header.index("问题")]
    write_xlsx(result, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["报告总览", "问题明细"]
    sheet = book["问题明细"]
    got = list(sheet.iter_rows(values_only=True))
    assert list(got[0]) == ["序号", "报告", "地方", "文件", "行", "规则", "规则名称", "类别",
                            "级别", "问题", "原文", "依据"]
    assert len(got) - 1 == len(result.findings)
    s003 = next(row for row in got if row[5] == "S003")
    assert s003[2] == "石门街道" and s003[6] == "缺少不足的原因" and s003[8] == "错误"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    paths = write_csv(result, str(tmp_path / "r.csv"))
    with open(paths[1], encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == len(got)


def test_progress_and_parallel_run_give_the_same_result(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(26):
        shutil.copy(SEEDS[k % 5], folder / f"{k:02d}.txt")
    calls = []
    parallel = review([str(folder)], Config(), jobs=2, progress=lambda d, t: calls.append((d, t)))
    serial = review([str(folder)], Config(), jobs=1)
    assert calls == [(k, 26) for k in range(1, 27)]
    assert [(r.path, r.place, r.result.findings) for r in parallel.reports] == \
        [(r.path, r.place, r.result.findings) for r in serial.reports]


def test_cli_bad_files_get_one_line_each_and_exit_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[2], folder / "good.txt")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    make_pdf(folder / "scan.pdf", scanned=True)
    out = tmp_path / "review.html"
    r = CliRunner().invoke(main, ["review", str(folder), "-o", str(out), "--csv",
                                  str(tmp_path / "r.csv")])
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3 and "已写入" in lines[-1] and "2个文件无法读取" in lines[-1]
    assert "corrupt.docx" in lines[0] and "docx" in lines[0]
    assert "scan.pdf" in lines[1] and "扫描件" in lines[1]
    root = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    overview = having(root, "table", "overview")[0].xpath("tbody/tr")
    assert len(overview) == 3 and len(having(root, "tr", "unread")) == 2
    good = [s for s in having(root, "section", "report") if "good.txt" in s.text_content()]
    assert good and having(good[0], "tr", "finding")
    assert (tmp_path / "r.csv").exists()


def test_cli_exit_codes_follow_check(tmp_path):
    out = str(tmp_path / "r.html")
    runner = CliRunner()
    assert runner.invoke(main, ["review", str(SEEDS[1]), "-o", out]).exit_code == 1
    assert runner.invoke(main, ["review", str(SEEDS[1]), "-o", out, "--exit-zero"]).exit_code == 0
    assert runner.invoke(main, ["review", str(SEEDS[1]), "-o", out, "--select", "M004"]).exit_code == 0


def test_page_names_rules_and_categories_in_chinese(batch):
    """最常见的问题, the glossary and each finding say the rule's title and the category in
    Chinese, not a cut message template or an English slug."""
    _, result = batch
    root = lxml.html.document_fromstring(render(result))
    top = having(root, "table", "top")[0]
    titles = {r.id: r.title for r in result.rules}
    for row in top.xpath("tbody/tr"):
        rule, text = row.xpath("td")[0].text_content(), row.xpath("td")[1].text_content()
        assert text == titles[rule]
    cats = {d.text_content() for d in having(root, "div", "cat")}
    assert cats and not cats & {"punctuation", "structure", "coverage"}
    for dt in root.get_element_by_id("rules").xpath(".//dt"):
        assert titles[dt.get("id")[5:]] in dt.text_content()
    text = root.text_content()
    assert "格式：txt" in text and "格式：text" not in text     # formats by their file names
