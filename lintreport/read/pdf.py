"""PDF with a text layer, through pypdfium2: the printed lines of each page are joined back
into paragraphs by their geometry, running page numbers and running heads are dropped, and
every paragraph keeps the page it starts on (`Line.page`).

A PDF has no paragraphs, only lines placed on a page. A line belongs to the paragraph above
when that one ran to the right margin and this one starts at the left margin; a first line
indented by two characters, a centred title or a short last line start or end a paragraph.
`Line.number` is the paragraph's number in the document, as for docx.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter

from ..errors import InputError
from . import Line, Source

MIN_CHARS = 40            # fewer real characters per page than this: a scan, not text
PAGE_NUMBER = re.compile(r"^[\s\-—–－―·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[\s\-—–－―·]*$")
END = "。！？!?:：;；”’）)"
ENCRYPTED = ("PDF文件已加密（需要密码才能打开），无法读取文字；请解除密码后重新导出PDF，"
             "或提供docx格式的报告")
SCANNED = ("PDF没有文字层（可能是扫描件或图片），无法检查文字；请提供docx或由Word导出的PDF，"
           "或先做文字识别（OCR）后再检查")


def _open(path: str):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise InputError(ENCRYPTED) from exc
        raise InputError("不是有效的PDF文件（文件已损坏或不完整），请重新导出") from exc


def page_lines(textpage) -> list[tuple[float, float, float, str]]:
    """The printed lines of one page as (left, right, char_width, text), top to bottom."""
    text = textpage.get_text_range()
    count = textpage.count_chars()
    rows = []
    start = 0
    raws = text.split("\n")
    filled = [k for k, raw in enumerate(raws) if raw.strip()]
    if not filled:
        return rows
    for k, raw in enumerate(raws):
        end = start + len(raw)
        line = raw.rstrip("\r")
        stripped = line.strip()
        # a running page number stands alone at the foot (or head) of the page
        folio = k in (filled[0], filled[-1]) and PAGE_NUMBER.match(stripped)
        if stripped and not folio:
            boxes = []
            # geometry only when indices match (pdfium counts a non-BMP character twice)
            if len(text) == count:
                for i in range(start, start + len(line)):
                    if not line[i - start].isspace():
                        boxes.append(textpage.get_charbox(i, loose=True))
            if boxes:
                widths = [b[2] - b[0] for b in boxes if b[2] > b[0]]
                width = statistics.median(widths) if widths else 0.0
                rows.append((min(b[0] for b in boxes), max(b[2] for b in boxes), width, stripped))
            else:
                rows.append((0.0, 0.0, 0.0, stripped))
        start = end + 1
    return rows


def _margins(rows) -> tuple[float, float]:
    """The body's left edge (where lines start at the most) and right edge (where most full
    lines end: hanging punctuation and justified text make the farthest end unreliable)."""
    placed = [r for r in rows if r[2]]
    if not placed:
        return 0.0, 0.0
    ends: dict[int, int] = {}
    for r in placed:
        ends[round(r[1])] = ends.get(round(r[1]), 0) + 1
    right = max(ends, key=lambda x: (ends[x], x))
    if ends[right] < 3:
        right = max(ends)
    return min(r[0] for r in placed), float(right)


def _shape(text: str) -> str:
    """A printed line as a running head is compared: its words, without spaces; a long line
    is text, never a running head (None)."""
    squeezed = re.sub(r"\s+", "", text)
    return squeezed if len(squeezed) <= 40 else None


def drop_running(pages: list[list[tuple]]) -> list[list[tuple]]:
    """Drop the running heads and feet: a line that stands at the same place (one of the
    first or last two printed lines) with the same words on most pages, as 某某县人民政府
    办公室文件 does. The title on the first page alone is not one."""
    if len(pages) < 2:
        return pages
    need = max(2, -(-len(pages) * 3 // 5))      # three pages in five, and at least two
    counts: Counter = Counter()
    for rows in pages:
        counts.update({(pos, _shape(rows[pos][3])) for pos in (0, 1, -1, -2)
                       if -len(rows) <= pos < len(rows) and _shape(rows[pos][3])})
    running = {key for key, n in counts.items() if n >= need}
    if not running:
        return pages
    return [[r for i, r in enumerate(rows)
             if (i, _shape(r[3])) not in running and (i - len(rows), _shape(r[3])) not in running]
            for rows in pages]


def join(pages: list[list[tuple[float, float, float, str]]]) -> list[tuple[str, int]]:
    """Printed lines of all pages → paragraphs as (text, page of their first line)."""
    left, right = _margins([r for rows in pages for r in rows])
    out: list[list] = []        # [text, page, runs on]
    for number, rows in enumerate(pages, 1):
        for x0, x1, width, text in rows:
            if width:
                follows = bool(out) and out[-1][2] and x0 <= left + width * 0.6
            else:               # no geometry: rely on the punctuation only
                follows = bool(out) and not out[-1][0].endswith(tuple(END))
            if follows:
                prev = out[-1][0]
                gap = " " if prev[-1:].isascii() and prev[-1:].isalpha() and \
                    text[:1].isascii() and text[:1].isalpha() else ""
                out[-1][0] = prev + gap + text
            else:
                out.append([text, number, False])
            # a line that reaches the right margin runs on into the next printed line
            out[-1][2] = bool(width) and x1 >= right - width * 2
    return [(text, page) for text, page, _ in out]


def read(path: str) -> Source:
    from . import MAX_CHARS, MAX_PAGES
    pdf = _open(path)
    pages, chars = [], 0
    try:
        if len(pdf) > MAX_PAGES:    # counted from the page tree, before any extraction
            raise InputError(f"PDF页数过多（{len(pdf)} 页，上限 {MAX_PAGES} 页）："
                             "这不像一份年度报告，请检查是否选错了文件")
        for index in range(len(pdf)):
            if chars > MAX_CHARS:
                break               # read() refuses it as 文字过多: no need to read on
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(page_lines(textpage))
            chars += sum(len(r[3]) for r in pages[-1])
            textpage.close()
            page.close()
    finally:
        pdf.close()
    chars = sum(len(re.sub(r"\s", "", r[3])) for rows in pages for r in rows)
    if chars < MIN_CHARS * max(len(pages), 1):
        raise InputError(SCANNED)
    lines = [Line(text, n, page=page)
             for n, (text, page) in enumerate(join(drop_running(pages)), 1)]
    return Source(path, lines, kind="pdf")
