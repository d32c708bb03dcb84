"""lintreport annotate: every finding becomes one Word comment anchored on its span, the
summary goes on the title, and nothing else in the Word file changes."""
from __future__ import annotations

import itertools
import json
import os
from collections import Counter

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from lxml import etree

from lintreport.annotate.comments import AUTHOR, INITIALS, Annotator, Place
from lintreport.annotate.spans import CONTENT, paragraph_text, text_runs
from lintreport.cli import main
from lintreport.finding import Finding, Severity
from lintreport.read.docx import body_paragraphs
from tests.conftest import SEEDS, make_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKS = {W + "commentRangeStart", W + "commentRangeEnd"}

# A county department's report, written for these tests: half-width marks (P003), an
# abolished regulation (R003), a part missing (no 第一责任人 part), a tab in the text.
COUNTY = """\
青山县司法局2023年度法治政府建设情况报告
县人民政府：
　　2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下:
一、主要举措和成效
（一）推进依法行政
　　严格执行《信访条例》,全年办理行政复议案件12件，行政机关负责人出庭应诉率100%。
（二）深化普法宣传
　　开展“八五”普法中期评估，组织法律进社区活动20场次。
二、存在的不足和原因
　　一是执法人员专业能力不足,原因是培训不够系统。
三、2024年工作安排
　　一是加强执法队伍建设；二是推进行政复议体制改革。
青山县司法局
2024年1月20日"""


def run(*args):
    return CliRunner().invoke(main, list(args))


def comments_of(path) -> list[tuple[str, str, str, str]]:
    """(author, initials, comment text, anchored text) of every comment, in id order."""
    document = docx.Document(str(path))
    texts = {c.comment_id: (c.author, c.initials, "\n".join(p.text for p in c.paragraphs))
             for c in document.comments}
    anchors, open_ids = {i: "" for i in texts}, set()
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(int(el.get(W + "id")))
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(W + "id")))
        elif el.tag in (W + "t", W + "tab") and el.getparent().tag == W + "r":
            for i in open_ids:
                anchors[i] += (el.text or "") if el.tag == W + "t" else "\t"
    return [(*texts[i], anchors[i]) for i in sorted(texts)]


def styled_text(path) -> list[tuple[bytes, list[tuple[str, bytes]]]]:
    """Each paragraph's properties and its characters with their run's formatting: what
    a reader sees, which an annotated copy must keep unchanged."""
    out = []
    for p in body_paragraphs(docx.Document(str(path))):
        chars = []
        for r in p._p.xpath(".//w:r[not(w:commentReference)]"):
            rpr = etree.tostring(r.rPr) if r.rPr is not None else b""
            chars += [(c, rpr) for e in r.xpath(CONTENT) for c in str(e)]
        ppr = etree.tostring(p._p.pPr) if p._p.pPr is not None else b""
        out.append((ppr, chars))
    return out


def structure(path) -> Counter:
    """Element tags of the body outside runs, comment marks left out."""
    body = docx.Document(str(path)).element.body
    return Counter(el.tag for el in body.iter() if el.tag not in MARKS and
                   not any(a.tag == W + "r" for a in el.iterancestors()) and el.tag != W + "r")


def package_changes(before, after) -> set[str]:
    """Parts of the Word package that differ (as XML, whitespace between tags aside) other
    than the text itself, the new comments part and the entries that point at it."""
    import zipfile
    parser = etree.XMLParser(remove_blank_text=True)

    def entries(z, name):
        if not name.endswith((".xml", ".rels")):
            return z.read(name)             # pictures, fonts: byte for byte
        root = etree.fromstring(z.read(name), parser)
        if name.endswith(".rels"):          # ids may be renumbered: compare what they point at
            return {(el.get("Type"), el.get("Target")) for el in root
                    if not el.get("Type", "").endswith("/comments")}
        if name == "[Content_Types].xml":   # the type each part has, however it is said
            default = {el.get("Extension"): el.get("ContentType") for el in root
                       if el.get("Extension")}
            override = {el.get("PartName"): el.get("ContentType") for el in root
                        if el.get("PartName")}
            return {part: override.get("/" + part, default.get(part.rsplit(".", 1)[-1]))
                    for part in z.namelist() if part not in (name, "word/comments.xml")}
        return etree.tostring(root, method="c14n")

    a, b = zipfile.ZipFile(before), zipfile.ZipFile(after)
    added = set(b.namelist()) - set(a.namelist())
    changed = {n for n in a.namelist() if n != "word/document.xml" and
               (n not in b.namelist() or entries(a, n) != entries(b, n))}
    return changed | (added - {"word/comments.xml"})


def rich_docx(path):
    """One paragraph of differently formatted runs: plain, bold, 黑体 16 pt, a tab in an
    italic run, a hyperlink, then plain again; and a heading before it."""
    document = docx.Document()
    document.add_paragraph("一、依法行政", style="Heading 1")
    p = document.add_paragraph()
    p.add_run("甲乙丙")
    p.add_run("丁戊").bold = True
    big = p.add_run("己庚辛")
    big.font.size = Pt(16)
    big._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    p.add_run("壬\t癸").italic = True
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="x"><w:r><w:rPr><w:u w:val='
                          '"single"/></w:rPr><w:t>子丑</w:t></w:r></w:hyperlink>'))
    p.add_run("寅卯")
    document.save(str(path))
    return "甲乙丙丁戊己庚辛壬\t癸子丑寅卯"


def _finding(line, column, end_column, end_line=None, message="问题", rule="T001"):
    return Finding("x", line, column, rule, end_line or line, end_column, "hygiene",
                   Severity.WARNING, message, "依据某条")


def _annotate_spans(src, dest, spans):
    document = docx.Document(str(src))
    places = {n: Place(p._p, 0, len(paragraph_text(p._p)))
              for n, p in enumerate(document.paragraphs, 1)}
    notes = Annotator(document, places, [1], [])
    for k, (a, b) in enumerate(spans):
        assert notes.add(_finding(2, a + 1, b + 1), [f"第{k}条"])
    document.save(str(dest))


def test_every_span_of_a_formatted_paragraph_anchors_exactly_and_changes_nothing(tmp_path):
    src = tmp_path / "rich.docx"
    text = rich_docx(src)
    before, shape = styled_text(src), structure(src)
    for a, b in itertools.combinations(range(len(text) + 1), 2):
        dest = tmp_path / f"out-{a}-{b}.docx"
        _annotate_spans(src, dest, [(a, b)])
        assert [c[3] for c in comments_of(dest)] == [text[a:b]], (a, b)
        assert styled_text(dest) == before, (a, b)
        assert structure(dest) == shape
        os.unlink(dest)


def test_overlapping_and_nested_comments_on_one_paragraph(tmp_path):
    src, dest = tmp_path / "rich.docx", tmp_path / "out.docx"
    text = rich_docx(src)
    spans = [(1, 7), (4, 5), (0, len(text)), (6, 13), (12, 13)]
    _annotate_spans(src, dest, spans)
    assert [c[3] for c in comments_of(dest)] == [text[a:b] for a, b in spans]
    assert styled_text(dest) == styled_text(src)
    # split runs keep their formatting: the 黑体 16 pt characters are still 黑体 16 pt
    runs = [r for _, _, r in text_runs(docx.Document(str(dest)).paragraphs[1]._p)]
    assert len(runs) > 6


def test_a_span_across_paragraphs_and_a_finding_without_span(tmp_path):
    path = make_docx(tmp_path / "r.docx", ["标题行", "一、第一部分", "正文甲乙丙", "正文丁戊己"],
                     numbered=False)
    document = docx.Document(str(path))
    places = {n: Place(p._p, 0, len(p.text)) for n, p in enumerate(document.paragraphs, 1)}
    notes = Annotator(document, places, [2], [1])
    assert notes.add(_finding(3, 3, 3, end_line=4), ["跨段"])
    assert notes.add(_finding(4, 1, None), ["全文"])        # no span: nearest heading
    assert notes.add(_finding(1, 1, None), ["开头"])        # no heading before: the title
    assert notes.add(_finding(9, 1, 3), ["没有这一行"])     # no such paragraph: the heading
    # a span on Word's automatic number only (the reader's prefix): no characters of the
    # paragraph itself, so the whole paragraph
    assert notes.add(_finding(2, 1, 1), ["编号"])
    document.save(str(path))
    assert [(c[2], c[3]) for c in comments_of(path)] == [
        ("跨段", "甲乙丙正文"), ("全文", "一、第一部分"), ("开头", "标题行"),
        ("没有这一行", "一、第一部分"), ("编号", "一、第一部分")]


@pytest.fixture
def naowu_docx(tmp_path):
    """The seed 那吾镇 as Word, its headings in Word's automatic numbering."""
    seed = next(s for s in SEEDS if "那吾镇" in s.read_text(encoding="utf-8"))
    return make_docx(tmp_path / "那吾镇.docx", seed.read_text(encoding="utf-8").splitlines())


def test_seed_docx_gets_one_comment_per_finding_on_its_span(naowu_docx):
    r = run("check", "--format", "json", str(naowu_docx))
    findings = json.loads(r.output)["files"][0]["findings"]
    r = run("annotate", str(naowu_docx))
    assert r.exit_code == 0, r.output
    copy = naowu_docx.with_name("那吾镇-批注.docx")
    comments = comments_of(copy)
    assert len(comments) == len(findings) + 1           # and one summary
    assert {(a, i) for a, i, _, _ in comments} == {(AUTHOR, INITIALS)}
    summary = comments[0][2]
    assert f"共{len(findings)}条问题" in summary and "必备部分" in summary
    source = docx.Document(str(naowu_docx))
    texts = [p.text for p in body_paragraphs(source)]
    by_text = Counter(c[2] for c in comments[1:])
    for f in findings:
        body = f"{f['message']}\n依据：{f['source']}"
        assert any(t.endswith(body) for t in by_text), f
        if f["end_column"] and f["end_line"] == f["line"] and f["end_column"] > f["column"]:
            want = texts[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
            assert any(t.endswith(body) and a == want for _, _, t, a in comments), f
    assert styled_text(copy) == styled_text(naowu_docx)
    assert structure(copy) == structure(naowu_docx)
    assert package_changes(naowu_docx, copy) == set()


@pytest.mark.parametrize("kind", ["txt", "md", "html"])
def test_other_formats_become_a_clean_docx_with_the_comments(tmp_path, kind):
    lines = COUNTY.splitlines()
    if kind == "md":
        lines = [("## " + l if l[:2] in ("一、", "二、", "三、") else l) for l in lines]
        lines[0] = "# " + lines[0]
    path = tmp_path / f"青山县.{kind}"
    if kind == "html":
        body = "".join(f"<p>{l}</p>" for l in lines[1:])
        path.write_text(f"<html><head><title>{lines[0]}</title></head><body><h1>{lines[0]}</h1>"
                        f"{body}</body></html>", encoding="utf-8")
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", str(path)).output)["files"][0]["findings"]
    assert {"P003", "R003"} <= {f["rule"] for f in findings}
    out = tmp_path / "out.docx"
    r = run("annotate", str(path), "-o", str(out))
    assert r.exit_code == 0, r.output
    comments = comments_of(out)
    assert len(comments) == len(findings) + 1
    assert comments[0][3] == "青山县司法局2023年度法治政府建设情况报告"     # summary on the title
    assert "第一责任人" in comments[0][2]                                  # the missing part
    assert any("《信访条例》" in c[3] and "信访工作条例" in c[2] for c in comments)
    document = docx.Document(str(out))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].alignment == 1 and paragraphs[0].text == lines[0].lstrip("# ")
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == [
        "一、主要举措和成效", "二、存在的不足和原因", "三、2024年工作安排"]
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == [
        "（一）推进依法行政", "（二）深化普法宣传"]
    assert paragraphs[-1].text == "2024年1月20日" and paragraphs[-1].alignment == 2
    assert not any(p.text.startswith("　") for p in paragraphs)          # indent, not spaces


def test_default_name_refusal_and_force(tmp_path):
    path = tmp_path / "东湖街道.txt"
    path.write_text(COUNTY.replace("青山县司法局", "东湖街道办事处"), encoding="utf-8")
    r = run("annotate", str(path))
    assert r.exit_code == 0, r.output
    copy = tmp_path / "东湖街道-批注.docx"
    assert copy.exists() and str(copy) in r.output
    stamp = copy.stat().st_mtime_ns
    r = run("annotate", str(path))
    assert r.exit_code == 2 and "已存在" in r.output and "--force" in r.output
    assert copy.stat().st_mtime_ns == stamp
    assert run("annotate", str(path), "--force").exit_code == 0
    docx_path = make_docx(tmp_path / "r.docx", COUNTY.splitlines())
    data = docx_path.read_bytes()
    r = run("annotate", str(docx_path), "-o", str(docx_path), "--force")
    assert r.exit_code == 2 and "原报告本身" in r.output and docx_path.read_bytes() == data
    r = run("annotate", str(path), "-o", str(tmp_path / "x.txt"))
    assert r.exit_code == 2 and ".docx" in r.output
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    r = run("annotate", str(bad))
    assert r.exit_code == 2 and "坏.docx" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "坏-批注.docx").exists()


def test_review_annotate_mirrors_the_batch_and_never_overwrites(tmp_path):
    reports = tmp_path / "reports"
    (reports / "县直").mkdir(parents=True)
    (reports / "乡镇").mkdir()
    (reports / "县直" / "司法局.txt").write_text(COUNTY, encoding="utf-8")
    make_docx(reports / "乡镇" / "石门镇.docx",
              COUNTY.replace("青山县司法局", "石门镇人民政府").splitlines())
    (reports / "乡镇" / "石门镇.txt").write_text(COUNTY.replace("2023", "2022"), encoding="utf-8")
    out = tmp_path / "批注"
    args = ["review", str(reports), "-o", str(tmp_path / "r.html"), "--annotate", str(out)]
    r = run(*args)
    assert r.exit_code == 1, r.output
    made = sorted(str(p.relative_to(out)) for p in out.rglob("*.docx"))
    assert made == ["乡镇/石门镇-批注.docx", "乡镇/石门镇（txt）-批注.docx", "县直/司法局-批注.docx"]
    for p in out.rglob("*.docx"):
        assert len(comments_of(p)) >= 2
    r = run(*args)
    assert r.exit_code == 2 and "已存在" in r.output
    assert run(*args, "--force").exit_code == 1
    # the copies go beside the reports: an input named like a copy is never written over
    (reports / "乡镇" / "石门镇-批注.docx").write_bytes((reports / "乡镇" / "石门镇.docx").read_bytes())
    before = (reports / "乡镇" / "石门镇-批注.docx").read_bytes()
    r = run("review", str(reports / "乡镇"), "-o", str(tmp_path / "r.html"),
            "--annotate", str(reports / "乡镇"), "--force")
    assert r.exit_code == 2 and "原报告本身" in r.output
    assert (reports / "乡镇" / "石门镇-批注.docx").read_bytes() == before


def test_comments_already_in_the_file_are_kept(tmp_path):
    path = make_docx(tmp_path / "r.docx", COUNTY.splitlines())
    assert run("annotate", str(path), "-o", str(tmp_path / "once.docx")).exit_code == 0
    assert run("annotate", str(tmp_path / "once.docx"), "-o", str(tmp_path / "twice.docx")).exit_code == 0
    once, twice = comments_of(tmp_path / "once.docx"), comments_of(tmp_path / "twice.docx")
    assert len(twice) == 2 * len(once) and Counter(twice) == Counter(once + once)


def test_a_finding_in_a_table_cell_is_anchored_in_that_cell(tmp_path):
    document = docx.Document()
    for line in COUNTY.splitlines()[:4]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "件数"
    a, b = table.cell(1, 0), table.cell(1, 1)
    a.merge(b).text = "全年办理行政复议案件12件,行政机关负责人出庭应诉率100%。"
    document.add_paragraph("二、存在的不足和原因")
    path = tmp_path / "表格.docx"
    document.save(str(path))
    findings = json.loads(run("check", "--format", "json", str(path)).output)["files"][0]["findings"]
    assert any(f["rule"] == "P003" for f in findings)
    out = tmp_path / "out.docx"
    assert run("annotate", str(path), "-o", str(out)).exit_code == 0
    comments = comments_of(out)
    assert len(comments) == len(findings) + 1
    cell = docx.Document(str(out)).tables[0].cell(1, 0)._tc
    starts = cell.xpath(".//w:commentRangeStart")
    assert starts and styled_text(out) == styled_text(path)


def test_comment_text_names_the_rule_by_its_title_when_it_has_one():
    from lintreport.annotate.comments import finding_text, summary_text
    f = _finding(3, 1, 4, message="《信访条例》已废止", rule="R003")
    assert finding_text(f, {"R003": "引用已废止的法规"}) == [
        "【警告】R003 引用已废止的法规：《信访条例》已废止", "依据：依据某条"]
    assert finding_text(f, {})[0] == "【警告】R003：《信访条例》已废止"
    summary = summary_text([f, f], ["第一责任人"], None)
    assert summary[0].startswith("lintreport检查结果：共2条问题（错误0条、警告2条、提示0条）")
    assert summary[1] == "缺少的必备部分：第一责任人。"
    assert summary_text([], [], None) == ["lintreport检查结果：未发现问题。", "必备部分齐全。"]


CONTROLS = ('<w:r><w:t>甲乙</w:t></w:r>'
            '<w:ins w:id="91" w:author="审核人"><w:r><w:t>丙丁</w:t></w:r></w:ins>'
            '<w:del w:id="92" w:author="审核人"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
            '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t>戊己</w:t></w:r>'
            '</w:sdtContent></w:sdt>'
            '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>庚</w:t></w:r></w:smartTag>'
            '<w:r><w:t>辛</w:t></w:r>')


def controls_docx(path):
    """A paragraph with a tracked insertion and deletion, a content control and a smart tag."""
    document = docx.Document()
    document.add_paragraph("一、依法行政", style="Heading 1")
    p = document.add_paragraph()
    for el in parse_xml(f'<w:p {nsdecls("w")}>{CONTROLS}</w:p>'):
        p._p.append(el)
    document.save(str(path))
    return "甲乙丙丁戊己庚辛"


def test_runs_in_insertions_and_content_controls_count_deleted_text_does_not(tmp_path):
    src = tmp_path / "controls.docx"
    text = controls_docx(src)
    assert paragraph_text(docx.Document(str(src)).paragraphs[1]._p) == text
    before = styled_text(src)
    for a, b in itertools.combinations(range(len(text) + 1), 2):
        dest = tmp_path / f"out-{a}-{b}.docx"
        _annotate_spans(src, dest, [(a, b)])
        assert [c[3] for c in comments_of(dest)] == [text[a:b]], (a, b)
        assert styled_text(dest) == before
        body = docx.Document(str(dest)).paragraphs[1]._p
        assert "".join(body.xpath(".//w:delText/text()")) == "删去的字"
        os.unlink(dest)


def test_control_characters_of_a_badly_converted_text_do_not_stop_the_copy(tmp_path):
    path = tmp_path / "东山镇.txt"
    lines = COUNTY.replace("青山县司法局", "东山镇人民政府").splitlines()
    lines[5] = lines[5].replace("严格执行", "严格\x07执行\x1b")
    path.write_text("\n".join(lines), encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", str(path)).output)["files"][0]["findings"]
    r = run("annotate", str(path))
    assert r.exit_code == 0, r.output
    copy = tmp_path / "东山镇-批注.docx"
    assert len(comments_of(copy)) == len(findings) + 1
    texts = [p.text for p in docx.Document(str(copy)).paragraphs]
    assert "严格\ufffd执行\ufffd《信访条例》" in "".join(texts)
    assert any(a == "《信访条例》" for _, _, _, a in comments_of(copy))   # columns still map
