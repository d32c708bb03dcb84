"""Word .docx through python-docx: paragraphs in body order (tables included), Word heading
styles, and Word's automatic list numbering, which is not part of the paragraph text."""
from __future__ import annotations

import re
import zipfile

from ..errors import InputError
from . import Line, Source

MAX_UNPACKED = 200 * 1024 * 1024   # a real report unpacks to a few MB
MAX_RATIO = 200                    # zip bombs compress far better than Word XML does
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "零一二三四五六七八九"


def chinese_count(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一: Word's chineseCounting list format."""
    if n <= 0:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt in ("ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return chinese_count(n)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "none":
        return ""
    return str(n)


def check_archive(path: str) -> None:
    """Refuse files that are not docx archives, or that would unpack to far too much."""
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("文件已加密，或是改了扩展名的旧版.doc文件；请解除密码或另存为.docx")
    if not zipfile.is_zipfile(path):
        raise InputError("不是有效的docx文件（文件已损坏或不完整），请重新导出")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"不是有效的docx文件（文件已损坏：{exc}）") from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNPACKED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise InputError(f"docx解压后过大（{total // 1048576} MB），疑似压缩炸弹，拒绝读取")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError("不是有效的docx文件（缺少word/document.xml）")


class Numbering:
    """Counts Word's automatic list numbers the way Word shows them."""

    def __init__(self, document):
        self.levels = {}      # numId → {ilvl: (start, numFmt, lvlText)}
        self.counters = {}    # numId → {ilvl: current}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.iter(W + "abstractNum"):
            lv = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                lv[ilvl] = (int(start.get(W + "val")) if start is not None else 1,
                            fmt.get(W + "val") if fmt is not None else "decimal",
                            text.get(W + "val") if text is not None else f"%{ilvl + 1}.")
            abstract[an.get(W + "abstractNumId")] = lv
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.levels[num.get(W + "numId")] = abstract.get(ref.get(W + "val"), {})

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(m):
            k = int(m.group(1)) - 1
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            return format_number(counters.get(k, start), fmt)
        return re.sub(r"%(\d)", value, levels[ilvl][2])


def num_props(paragraph):
    """(numId, ilvl) from the paragraph or its style, or None."""
    for el in (paragraph._p.pPr, getattr(paragraph.style, "element", None)):
        ppr = el if el is None or el.tag == W + "pPr" else el.find(W + "pPr")
        if ppr is None:
            continue
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            nid, lvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
            if nid is not None and nid.get(W + "val") != "0":
                return nid.get(W + "val"), int(lvl.get(W + "val")) if lvl is not None else 0
    return None


def heading_level(paragraph) -> int | None:
    name = (paragraph.style.name or "") if paragraph.style is not None else ""
    m = re.match(r"(?:Heading|标题)\s*(\d)", name)
    return int(m.group(1)) if m else None


def bold_lead(paragraph, text: str) -> int:
    """How many characters at the start of the paragraph are bold: an unnumbered run-in title
    (**加强组织领导。**全镇…) is set apart only by that."""
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    lead = ""
    for run in paragraph.runs:
        if not (run.bold or (run.bold is None and style_bold)):
            if run.text.strip():
                break
        lead += run.text
    lead = lead.rstrip()
    return len(lead) if lead.strip() and text.startswith(lead) else 0


def body_paragraphs(document):
    """Paragraphs in body order, including those inside table cells."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            yield Paragraph(child, document)
        elif child.tag == W + "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def read(path: str) -> Source:
    check_archive(path)
    import docx
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise InputError(f"无法打开docx文件：{type(exc).__name__}: {exc}") from exc
    numbering = Numbering(document)
    lines, paragraphs = [], {}
    for number, paragraph in enumerate(body_paragraphs(document), 1):
        paragraphs[number] = paragraph      # for the layout checks (read/docx_layout.py)
        text = paragraph.text.replace("\u000b", "")
        props = num_props(paragraph)
        prefix = numbering.label(*props) if props else ""
        lines.append(Line(prefix + text, number, prefix=len(prefix),
                          style_level=heading_level(paragraph), bold_lead=bold_lead(paragraph, text)))
    return Source(path, lines, kind="docx",
                  meta={"docx": document, "docx_paragraphs": paragraphs})
