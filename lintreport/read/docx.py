"""Word .docx through python-docx and lxml: paragraphs in body order (tables, nested tables and
content controls included), Word heading styles, and Word's automatic list numbering, which is not part of the paragraph text."""
from __future__ import annotations

import re
import zipfile

from ..errors import InputError
from . import Line, Source
from .docx_numbering import W, Numbering, num_props

MAX_UNPACKED = 200 * 1024 * 1024   # a real report unpacks to a few MB
MAX_RATIO = 200                    # zip bombs compress far better than Word XML does


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


HEADING = re.compile(r"(?:Heading|标题)\s*(\d)", re.I)


def heading_level(style_name: str) -> int | None:
    m = HEADING.match(style_name or "")
    return int(m.group(1)) if m else None


def bold_lead(p, style, text: str) -> int:
    """How many characters at the start of the paragraph are bold: an unnumbered run-in title
    (**加强组织领导。**全镇…) is set apart only by that. `p` is the w:p element, `style` its
    paragraph style's element (read once for the document, see Styles)."""
    style_bold = on(style.find(W + "rPr"), "b") if style is not None else False
    lead = ""
    for r in p.iterchildren(W + "r"):
        bold = on(r.find(W + "rPr"), "b")
        run = "".join(t.text or "" for t in r.iterchildren(W + "t"))
        if not (bold or (bold is None and style_bold)):
            if run.strip():
                break
        lead += run
    lead = lead.rstrip()
    return len(lead) if lead.strip() and text.startswith(lead) else 0


def on(rpr, tag: str):
    """A run property's toggle (w:b, w:i): True, False, or None where it is not set."""
    el = rpr.find(W + tag) if rpr is not None else None
    if el is None:
        return None
    return el.get(W + "val") not in ("0", "false", "off")


class Styles:
    """Paragraph styles by id, read once: python-docx looks a paragraph's style up by a
    search of styles.xml each time, which made 100,000 paragraphs take minutes."""

    def __init__(self, document):
        self.by_id: dict[str, tuple[str, object]] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for st in root.iterchildren(W + "style"):
            if st.get(W + "type") not in (None, "paragraph"):
                continue
            name = st.find(W + "name")
            sid = st.get(W + "styleId")
            self.by_id[sid] = (name.get(W + "val") if name is not None else "", st)
            if st.get(W + "default") in ("1", "true", "on"):
                self.default = sid

    def of(self, p) -> tuple[str, object]:
        """(name, w:style element) of a paragraph element; ("", None) when it has none."""
        ppr = p.find(W + "pPr")
        ps = ppr.find(W + "pStyle") if ppr is not None else None
        sid = ps.get(W + "val") if ps is not None else self.default
        return self.by_id.get(sid, ("", None))


# Containers whose paragraphs are part of the body text, in document order: tables (nested
# to any depth), rows, cells, and content controls (w:sdt) at block, row or cell level.
CONTAINERS = {W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml",
                              "smartTag", "ins", "moveTo")}
# Inside a paragraph: what carries text, and what holds text that is not this paragraph's
# (text boxes, drawings, deleted text, field codes, properties).
PIECES = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n",
          W + "noBreakHyphen": "-", W + "br": None}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
NOT_TEXT = {W + t for t in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object",
                            "txbxContent", "instrText", "delText", "footnoteReference")} | \
    {MC + "AlternateContent"}


def body_elements(document):
    """The w:p elements of the body in document order, inside tables and content controls
    too; each once (a merged cell is one w:tc)."""
    stack = [iter(document.element.body.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == W + "p":
            yield child
        elif child.tag in CONTAINERS:
            stack.append(iter(child.iterchildren()))


def body_paragraphs(document):
    """Paragraphs (python-docx objects) in body order, as body_elements() finds them."""
    from docx.text.paragraph import Paragraph
    for p in body_elements(document):
        yield Paragraph(p, document)


def paragraph_text(p) -> str:
    """The text of a paragraph element as Word shows it: runs, hyperlinks, inline content
    controls and insertions; tabs and line breaks as characters (as python-docx reads them)."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if tag in PIECES:
            if tag == W + "t":
                out.append(el.text or "")
            elif tag == W + "br":
                out.append("\n" if el.get(W + "type") in (None, "textWrapping") else "")
            else:
                out.append(PIECES[tag])
        elif tag not in NOT_TEXT and isinstance(tag, str):
            stack.append(iter(el))
    return "".join(out)


def read(path: str) -> Source:
    check_archive(path)
    import docx
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise InputError(f"无法打开docx文件：{type(exc).__name__}: {exc}") from exc
    from . import MAX_PARAGRAPHS, too_many_paragraphs
    count = sum(1 for _ in document.element.body.iter(W + "p"))
    if count > MAX_PARAGRAPHS:      # counted in C before any work per paragraph
        raise InputError(too_many_paragraphs(count))
    numbering, styles = Numbering(document), Styles(document)
    lines, paragraphs = [], {}
    for number, p in enumerate(body_elements(document), 1):
        paragraphs[number] = p      # for the layout checks (read/docx_layout.py)
        text = paragraph_text(p).replace("\u000b", "")
        name, style = styles.of(p)
        props = num_props(p, style)
        prefix = numbering.label(*props) if props else ""
        lines.append(Line(prefix + text, number, prefix=len(prefix),
                          style_level=heading_level(name), bold_lead=bold_lead(p, style, text)))
    return Source(path, lines, kind="docx",
                  meta={"docx": document, "docx_paragraphs": paragraphs})
