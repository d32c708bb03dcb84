"""Layout of a .docx per GB/T 9704-2012 (rules L001–L012), on documents built here: correct
and incorrect fonts, sizes, margins, spacing and page numbers, Word's inheritance (style,
basedOn chain, character style, docDefaults, theme font, direct run), LibreOffice-saved files,
and no layout finding at all for inputs without layout."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from lintreport.config import Config, parse
from lintreport.engine import lint

from tests.conftest import SEEDS
from lintreport.docx_build import build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def layout(path, **config) -> dict:
    """Layout findings of one file: rule id → finding (each rule at most once)."""
    result = lint([str(path)], Config(select=("layout",), **config), jobs=1)
    assert [r.error for r in result.files] == [None]
    found = {}
    for f in result.findings:
        assert f.rule not in found, f"{f.rule} reported twice"
        assert f.category == "layout"
        found[f.rule] = f
    return found


def edit(path, change):
    """Open a built docx, let `change(document)` alter it, save it again."""
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))
    return path


def body_style(document):
    return document.styles["公文body"]


def set_east_asia(rpr_parent, **attrs):
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for key, value in attrs.items():
        fonts.set(qn(f"w:{key}"), value)


# ---------------------------------------------------------------- the whole document

def test_a_gongwen_docx_has_no_layout_finding(tmp_path):
    assert layout(build({}, tmp_path / "good.docx")) == {}


def test_python_docx_defaults_give_a_few_aggregated_findings(tmp_path):
    document = docx.Document()     # Letter, Calibri/宋体 11 pt, no page number
    for line in SEEDS[0].read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plain.docx")
    found = layout(tmp_path / "plain.docx")
    assert {"L001", "L002", "L003", "L006", "L007", "L008", "L009"} <= set(found) <= {
        "L001", "L002", "L003", "L005", "L006", "L007", "L008", "L009", "L011"}
    assert "11磅宋体（主题字体“+中文正文”）" in found["L006"].message
    assert "等" in found["L006"].message        # counted once, the first places named


def test_seed_as_a_styled_docx_passes_and_as_a_plain_docx_does_not(tmp_path):
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert layout(build({"text": text}, tmp_path / f"{seed.stem}.docx")) == {}, seed.name


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_layout_rules_never_fire_without_layout(tmp_path, kind):
    text = SEEDS[1].read_text(encoding="utf-8")
    path = tmp_path / f"report.{kind}"
    if kind == "html":
        text = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>"
    path.write_text(text, encoding="utf-8")
    assert layout(path) == {}


def test_layout_rules_never_fire_on_a_pdf_source():
    from lintreport import checklist as cl
    from lintreport.engine import lint_source
    from lintreport.read import Line, Source
    lines = [Line(t, i) for i, t in enumerate(SEEDS[2].read_text(encoding="utf-8").splitlines(), 1)]
    checklist = cl.load("township")
    rules = [r for r in checklist.rules if r.category == "layout"]
    result = lint_source(Source("r.pdf", lines, kind="pdf"), checklist, rules, Config())
    assert len(rules) == 12 and result.error is None and result.findings == []


def test_layout_can_be_switched_off(tmp_path):
    path = build({"body": {"font": "宋体"}, "page": {"top": 25}}, tmp_path / "house.docx")
    assert {"L002", "L006"} <= set(layout(path))
    config = parse({"layout": False})
    assert "layout" in config.ignore
    findings = lint([str(path)], config, jobs=1).findings
    assert findings and not [f for f in findings if f.category == "layout"]
    assert "L006" not in layout(path, ignore=("L006",)) and "L002" in layout(path, ignore=("L006",))


# ---------------------------------------------------------------- page

def test_gutter_counts_towards_the_binding_margin(tmp_path):
    path = build({"page": {"left": 20}}, tmp_path / "g.docx")
    assert "订口（左边距）20毫米" in layout(path)["L002"].message

    def gutter(document):
        mar = document.sections[0]._sectPr.find(W + "pgMar")
        mar.set(qn("w:gutter"), str(round(8 * 56.6929)))
    assert "L002" not in layout(edit(path, gutter))


def test_mirror_margins_name_the_inside_margin(tmp_path):
    def mirror(document):
        document.settings.element.append(parse_xml(f'<w:mirrorMargins {nsdecls("w")}/>'))
    assert "L002" not in layout(edit(build({}, tmp_path / "a.docx"), mirror))
    found = layout(edit(build({"page": {"left": 20}}, tmp_path / "b.docx"), mirror))["L002"]
    assert "订口（内侧边距）20毫米" in found.message


def test_margins_message_names_what_is_wrong(tmp_path):
    found = layout(build({"page": {"top": 30, "bottom": 42}}, tmp_path / "m.docx"))["L002"]
    assert "天头（上边距）30毫米，应为37±1毫米" in found.message
    assert "订口" not in found.message


# ---------------------------------------------------------------- page numbers

def test_page_number_as_a_simple_field_counts(tmp_path):
    path = build({"footer": None}, tmp_path / "p.docx")
    assert "L003" in layout(path)

    def simple(document):
        p = document.sections[0].footer.paragraphs[0]
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE \\* MERGEFORMAT ">'
                              f'<w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    assert "L003" not in layout(edit(path, simple))


def test_numpages_alone_is_not_a_page_number(tmp_path):
    path = build({"footer": {"text": "共{PAGE}页"}}, tmp_path / "n.docx")

    def numpages(document):
        for part in (document.sections[0].footer, document.sections[0].even_page_footer):
            for t in part._element.iter(W + "instrText"):
                t.text = " NUMPAGES "
    assert "L003" in layout(edit(path, numpages))


def test_page_number_in_the_header_is_named(tmp_path):
    found = layout(build({"footer": {"place": "header"}}, tmp_path / "h.docx"))
    assert "页眉" in found["L003"].message and "L004" not in found


def test_page_number_format_each_way(tmp_path):
    assert "L004" not in layout(build({}, tmp_path / "ok.docx"))
    found = layout(build({"footer": {"text": "-{PAGE}-"}}, tmp_path / "dash.docx"))["L004"]
    assert "连字符" in found.message and "一字线" in found.message
    found = layout(build({"footer": {"odd": "center", "even": None}}, tmp_path / "c.docx"))["L004"]
    assert "奇偶页" in found.message
    found = layout(build({"footer": {"odd": "left", "even": "right"}}, tmp_path / "s.docx"))["L004"]
    assert "单页码居左、双页码居右" in found.message
    found = layout(build({"footer": {"size": 9, "font": "Arial"}}, tmp_path / "f.docx"))["L004"]
    assert "Arial" in found.message and "小5号" in found.message


# ---------------------------------------------------------------- fonts and inheritance

def test_direct_run_formatting_wins_over_the_style(tmp_path):
    path = build({"body": {"font": "宋体"}}, tmp_path / "d.docx")
    assert "L006" in layout(path)

    def direct(document):
        for p in document.paragraphs:
            if p.style.name == "公文body":
                for run in p.runs:
                    set_east_asia(run._r, eastAsia="仿宋_GB2312")
    assert "L006" not in layout(edit(path, direct))
    path = build({"body": {"font": "仿宋_GB2312"}}, tmp_path / "d2.docx")

    def wrong_run(document):
        for p in document.paragraphs:
            if p.style.name == "公文body":
                set_east_asia(p.runs[0]._r, eastAsia="微软雅黑")
    assert "微软雅黑" in layout(edit(path, wrong_run))["L006"].message


def test_based_on_chain(tmp_path):
    path = build({}, tmp_path / "b.docx")

    def chain(document, font):
        parent = document.styles.add_style("正文基准", 1)
        set_east_asia(parent.element, eastAsia=font)
        parent.font.size = docx.shared.Pt(16)
        child = body_style(document)
        child.base_style = parent
        child.element.rPr.remove(child.element.rPr.rFonts)
        child.element.rPr.remove(child.element.rPr.find(qn("w:sz")))
    assert "L006" not in layout(edit(path, lambda d: chain(d, "仿宋_GB2312")))
    path = build({}, tmp_path / "b2.docx")
    assert "L006" in layout(edit(path, lambda d: chain(d, "宋体")))


def test_character_style(tmp_path):
    path = build({}, tmp_path / "c.docx")

    def char_style(document):
        style = document.styles.add_style("强调黑体", 2)
        set_east_asia(style.element, eastAsia="黑体")
        for p in document.paragraphs:
            if p.style.name == "公文body":
                p.runs[0].style = style
    assert "黑体" in layout(edit(path, char_style))["L006"].message


def _strip_body_font(document):
    rpr = body_style(document).element.rPr
    rpr.remove(rpr.rFonts)


def _defaults(document):
    return document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")


def test_document_defaults(tmp_path):
    def defaults(font):
        def change(document):
            _strip_body_font(document)
            fonts = _defaults(document).find(W + "rFonts")
            for key in list(fonts.attrib):
                del fonts.attrib[key]
            fonts.set(qn("w:eastAsia"), font)
        return change
    assert "L006" not in layout(edit(build({}, tmp_path / "a.docx"), defaults("仿宋")))
    assert "L006" in layout(edit(build({}, tmp_path / "b.docx"), defaults("Calibri")))


def _theme(path, script: str, typeface: str):
    """Rewrite the theme's minor font for a script (the part python-docx does not expose)."""
    out = str(path) + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/theme/theme1.xml":
                text = data.decode("utf-8")
                minor = text.index("<a:minorFont>")
                at = text.index(f'script="{script}"', minor)
                start = text.index('typeface="', at) + len('typeface="')
                text = text[:start] + typeface + text[text.index('"', start):]
                data = text.encode("utf-8")
            dst.writestr(item, data)
    os.replace(out, path)
    return path


def test_theme_font_through_the_east_asian_language(tmp_path):
    def lang(code):
        def change(document):
            _strip_body_font(document)
            _defaults(document).find(W + "lang").set(qn("w:eastAsia"), code)
        return change
    # docDefaults say eastAsiaTheme=minorEastAsia: the theme's Hans font is 宋体
    path = edit(build({}, tmp_path / "t.docx"), lang("zh-CN"))
    assert "宋体（主题字体“+中文正文”）" in layout(path)["L006"].message
    assert "L006" not in layout(_theme(path, "Hans", "仿宋"))
    # a heading style on the theme's heading font (as Word's 标题 1 is)
    def major(document):
        set_east_asia(document.styles["公文h1"].element, eastAsiaTheme="majorEastAsia")
    found = layout(edit(path, major))["L007"]
    assert "一级标题" in found.message and "宋体（主题字体“+中文标题”）" in found.message
    # the same theme, but the language is Japanese: the Jpan face is used
    path = _theme(edit(build({}, tmp_path / "j.docx"), lang("ja-JP")), "Hans", "仿宋")
    assert "L006" in layout(path)


def test_heading_levels_come_from_the_parsed_document(tmp_path):
    assert "L007" not in layout(build({}, tmp_path / "ok.docx"))
    found = layout(build({"h2": {"font": "黑体"}}, tmp_path / "h2.docx"))["L007"]
    assert "二级标题" in found.message and "楷体" in found.message
    assert "一级标题" not in found.message


def test_run_in_heading_checks_each_part_in_its_own_font(tmp_path):
    text = ("那吾镇2025年法治政府建设工作报告\n一、主要举措和成效\n"
            "（一）加强组织领导。镇党委召开专题会议研究法治建设工作3次。\n"
            "那吾镇人民政府\n2026年1月15日")

    def swap(document):
        for p in document.paragraphs:
            if p.text.startswith("（一）"):
                head, rest = p.runs      # the builder split the heading's words from the text
                assert head.text == "（一）加强组织领导。"
                set_east_asia(head._r, eastAsia="仿宋_GB2312")
                set_east_asia(rest._r, eastAsia="楷体_GB2312")
    good = build({"text": text}, tmp_path / "a.docx")
    assert not {"L006", "L007"} & set(layout(good))
    bad = edit(build({"text": text}, tmp_path / "b.docx"), swap)
    assert {"L006", "L007"} <= set(layout(bad))


def test_tables_keep_their_own_style(tmp_path):
    path = build({}, tmp_path / "t.docx")

    def table(document):
        t = document.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "行政复议案件数量统计"
        set_east_asia(t.cell(0, 0).paragraphs[0].runs[0]._r, eastAsia="宋体")
        document.paragraphs[8]._p.addnext(t._tbl)     # in the body, not after the closing
    assert layout(edit(path, table)) == {}


def test_equivalent_fonts_are_named_not_faulted(tmp_path):
    found = layout(build({"body": {"font": "FangSong"}, "h2": {"font": "KaiTi"}}, tmp_path / "e.docx"))
    assert set(found) == {"L010"}
    assert "FangSong（代替仿宋_GB2312" in found["L010"].message and "KaiTi" in found["L010"].message


# ---------------------------------------------------------------- indent, spacing, closing

def test_indent_in_chars_in_twips_or_by_spaces(tmp_path):
    assert "L008" not in layout(build({"body": {"indent": 2}}, tmp_path / "twips.docx"))

    def chars(document):
        ind = body_style(document).element.pPr.find(qn("w:ind"))
        ind.set(qn("w:firstLine"), "0")
        ind.set(qn("w:firstLineChars"), "200")
    assert "L008" not in layout(edit(build({}, tmp_path / "c.docx"), chars))
    spaced = build({"body": {"indent": 0}, "text": "那吾镇2025年法治政府建设工作报告\n"
                    "\u3000\u30002025年，那吾镇全面推进依法行政。\n那吾镇人民政府\n2026年1月15日"},
                   tmp_path / "s.docx")
    assert "L008" not in layout(spaced)
    assert "0字" in layout(build({"body": {"indent": 0}}, tmp_path / "0.docx"))["L008"].message


def test_line_spacing_exact_grid_and_multiple(tmp_path):
    assert "L009" not in layout(build({"body": {"line": 28.95}}, tmp_path / "a.docx"))
    assert "固定值20磅" in layout(build({"body": {"line": 20}}, tmp_path / "b.docx"))["L009"].message

    def single(document):
        body_style(document).element.pPr.remove(
            body_style(document).element.pPr.find(qn("w:spacing")))
    # single spacing on a 22-lines-per-page grid (linePitch 579) is a 28.95 pt line
    assert "L009" not in layout(edit(build({}, tmp_path / "g.docx"), single))
    found = layout(edit(build({"grid": 0}, tmp_path / "n.docx"), single))["L009"]
    assert "多倍行距" in found.message


def test_closing_set_right_each_way(tmp_path):
    assert "L011" not in layout(build({}, tmp_path / "r.docx"))
    found = layout(build({"issuer": {"align": "both", "right": 0},
                          "date": {"align": "both", "right": 0}}, tmp_path / "l.docx"))
    assert "两端对齐" in found["L011"].message


@pytest.mark.parametrize("date,fires", [("2026年1月15日", False), ("二〇二六年一月十五日", True),
                                        ("二○二六年一月十五日", True), ("2〇26年1月15日", True)])
def test_date_in_arabic_numerals(tmp_path, date, fires):
    text = f"那吾镇2025年法治政府建设工作报告\n一、主要举措和成效\n推进依法行政。\n那吾镇人民政府\n{date}"
    found = layout(build({"text": text}, tmp_path / "d.docx"))
    assert ("L012" in found) is fires
    if fires and "二" in date:
        assert "2026年1月15日" in found["L012"].message


# ---------------------------------------------------------------- a file LibreOffice wrote

def _soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required under CI: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) not installed")
    return exe


def _through_libreoffice(exe, path, tmp_path):
    """docx → odt → docx, so that the file read is one LibreOffice wrote itself."""
    from pathlib import Path
    path = Path(path)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    for target, src in (("odt", path), ("docx:MS Word 2007 XML", path.with_suffix(".odt"))):
        subprocess.run([exe, profile, "--headless", "--convert-to", target, "--outdir",
                        str(tmp_path / "out" if target.startswith("docx") else path.parent), str(src)],
                       check=True, capture_output=True, timeout=120)
    return tmp_path / "out" / path.name


def test_libreoffice_saved_docx(tmp_path):
    exe = _soffice()
    good = build({}, tmp_path / "good.docx")
    assert layout(_through_libreoffice(exe, good, tmp_path)) == {}
    bad = build({"page": {"top": 25.4, "left": 31.8, "right": 31.8, "bottom": 25.4},
                 "body": {"font": "宋体", "size": 12}, "footer": None}, tmp_path / "bad.docx")
    found = layout(_through_libreoffice(exe, bad, tmp_path))
    assert {"L002", "L003", "L006"} <= set(found)
    assert "小4号（12磅）宋体" in found["L006"].message


def test_addressee_is_checked_as_body_text(tmp_path):
    found = layout(build({"addressee": {"font": "黑体"}}, tmp_path / "a.docx"))
    assert set(found) == {"L006"} and "第2段" in found["L006"].message


def test_layout_read_again_when_the_reader_kept_no_paragraphs(tmp_path):
    from lintreport.read import read
    from lintreport.read.docx_layout import extract
    source = read(build({"body": {"font": "宋体"}}, tmp_path / "r.docx"))
    kept = extract(source)
    source.meta.clear()       # a reader that keeps nothing: the file is opened again
    again = extract(source)
    assert kept.paras.keys() == again.paras.keys()
    assert [s.font for p in again.paras.values() for s in p.spans] == [
        s.font for p in kept.paras.values() for s in p.spans]
    assert kept.pages == again.pages and kept.page_number == again.page_number


PAGE_HTML = """<html><head><meta charset="utf-8"><style>
@page {{ size: 210mm 297mm; margin: {margins} }}
p {{ font-family: "{body}"; font-size: 16pt; text-indent: 32pt; line-height: 28pt; margin: 0 }}
p.t {{ font-family: "方正小标宋简体"; font-size: 22pt; text-align: center; text-indent: 0 }}
p.h1 {{ font-family: "黑体" }} p.h2 {{ font-family: "楷体_GB2312" }}
p.r {{ text-align: right; text-indent: 0 }}
</style></head><body>
<p class="t">城关街道2023年法治政府建设工作报告</p>
<p>2023年，城关街道坚持以习近平法治思想为指导，全面推进依法行政。</p>
<p class="h1">一、主要举措和成效</p>
<p class="h2">（一）加强组织领导</p>
<p>街道党工委召开专题会议研究法治建设工作4次。</p>
<p class="h1">二、存在的不足和原因</p>
<p>部分干部法治意识有待提高。</p>
<p class="r">城关街道办事处</p>
<p class="r">2024年1月20日</p>
</body></html>"""


@pytest.mark.parametrize("margins,body,expected", [
    ("37mm 26mm 35mm 28mm", "仿宋_GB2312", {"L003"}),
    ("25mm 25mm 25mm 25mm", "宋体", {"L002", "L003", "L006"}),
])
def test_html_page_saved_as_docx_by_libreoffice(tmp_path, margins, body, expected):
    """A web page's CSS becomes LibreOffice's styles (basedOn chains, docDefaults) in the
    .docx it writes; the fonts, margins and spacing are read back through them."""
    exe = _soffice()
    page = tmp_path / "report.html"
    page.write_text(PAGE_HTML.format(margins=margins, body=body), encoding="utf-8")
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(tmp_path), str(page)], check=True, capture_output=True,
                   timeout=120)
    assert set(layout(tmp_path / "report.docx")) == expected
