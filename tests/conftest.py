"""Shared helpers: lint a text with one rule, and paths to the sample reports."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from lintreport import checklist as cl
from lintreport.config import Config
from lintreport.engine import lint_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))
SHARED = ROOT.parent / "shared"


def run_rule(text: str, rule_id: str, checklist: str = "township", **options):
    """Findings of one shipped rule on a text; options override the rule's own."""
    chk = cl.load(checklist)
    rule = chk.rule(rule_id)
    assert rule is not None, rule_id
    if options:
        import dataclasses
        rule = dataclasses.replace(rule, options={**rule.options, **options})
    result = lint_text(textwrap.dedent(text).strip("\n"), Config(checklist=checklist), rules=[rule])
    assert result.error is None, result.error
    return result.findings


def lines_of(findings):
    return [f.line for f in findings]


@pytest.fixture
def seeds():
    return SEEDS


MARKER = re.compile(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|\(([一二三四五六七八九十]+)\)|(\d+)\.)")


def make_docx(path, lines, numbered=True):
    """Write lines to a .docx; with numbered=True, heading markers (一、 （一） 1.) become Word's
    automatic list numbering, so they are not part of the paragraph text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    if numbered:
        numbering = document.part.numbering_part.element
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        m = MARKER.match(line) if numbered else None
        if not m:
            document.add_paragraph(line)
            continue
        level = {0: 0, 1: 1, 2: 1, 3: 2}[next(i for i, g in enumerate(m.groups()) if g)]
        p = document.add_paragraph(line[m.end():])
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.save(str(path))
    return path


def make_rich_docx(path, lines, with_table=True):
    """A Word file as a drafter makes one: every paragraph in several runs (bold, red),
    headings in Word's automatic numbering, a table, a header and a footer."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import RGBColor
    make_docx(path, [""])                      # the numbering definitions of the test helper
    document = docx.Document(str(path))
    body = document.element.body
    for p in list(body.iterchildren(qn_p())):
        body.remove(p)
    document.sections[0].header.paragraphs[0].text = "云岭镇人民政府 (内部资料)"
    document.sections[0].footer.paragraphs[0].text = "第1页,共1页"
    marker = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
    for n, line in enumerate(lines):
        m = marker.match(line)
        p = document.add_paragraph(style="List Paragraph" if m else None)
        if m:
            level = 0 if m.group(1).endswith("、") else 1
            line = line[m.end():]
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        for k in range(0, len(line), 5):
            r = p.add_run(line[k:k + 5])
            r.bold = True if k // 5 % 3 == 1 else None
            if k // 5 % 3 == 2:
                r.font.color.rgb = RGBColor(0xC0, 0, 0)
        if with_table and n == 3:
            table = document.add_table(rows=2, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量 (件)"
            table.cell(1, 0).text, table.cell(1, 1).text = "复议案件,诉讼案件", "3"
    document.save(str(path))
    return path


def qn_p():
    """The qualified tag of a Word paragraph, w:p."""
    from docx.oxml.ns import qn
    return qn("w:p")
