"""Anchoring a Word comment on characters [a, b) of a paragraph.

A comment's range starts before a run and ends after one, so a span that begins or ends
inside a run needs that run split there: the pieces are copies of the run, each with the
run's own formatting (its w:rPr) and its share of the text. Nothing else in the paragraph
changes, so the text and how it looks stay as they were; only the range marks and the
comment's reference mark are added.

Offsets count characters the way the docx reader reads a paragraph: the text of w:t, w:tab,
w:br, … of its runs, also those inside hyperlinks, content controls, smart tags and tracked
insertions, but not deleted text, text boxes or drawings (runs of their own, elsewhere).
The caller checks that this text is the reader's line before anchoring on it.
"""
from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn
from docx.text.run import Run

CONTENT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"
CONTENT_TAGS = {qn(t.strip()) for t in CONTENT.split("|")}
R, RPR = qn("w:r"), qn("w:rPr")
SPACE = qn("xml:space")
WRAPPERS = {qn("w:smartTag"), qn("w:customXml")}
WRAPPER_PROPS = {qn("w:smartTagPr"), qn("w:customXmlPr")}
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# a run inside one of these is not the paragraph's text
NOT_TEXT = {qn(f"w:{t}") for t in ("del", "moveFrom", "drawing", "pict", "object",
                                   "txbxContent", "r")} | {MC + "AlternateContent"}


def _length(element) -> int:
    """Characters an element adds to the paragraph's text (the reader drops U+000B)."""
    if element.tag not in CONTENT_TAGS:
        return 0
    return len(str(element).replace("\u000b", ""))


def _runs(p):
    """The paragraph's own runs, in document order."""
    for r in p.iter(R):
        parent = r.getparent()
        while parent is not p and parent is not None and parent.tag not in NOT_TEXT:
            parent = parent.getparent()
        if parent is p:
            yield r


def text_runs(p) -> list[tuple[int, int, object]]:
    """(start, end, w:r) of every run the paragraph's text is read from, in order."""
    out, pos = [], 0
    for r in _runs(p):
        n = sum(_length(e) for e in r.xpath(CONTENT))
        out.append((pos, pos + n, r))
        pos += n
    return out


def paragraph_text(p) -> str:
    """The paragraph's text as the offsets here count it."""
    return "".join(str(e) for r in _runs(p) for e in r.xpath(CONTENT)).replace("\u000b", "")


def split_run(r, k: int):
    """Split run r before its character k (0 < k < its length): r keeps what comes before,
    a copy placed right after it takes the rest. Returns the copy."""
    right = deepcopy(r)
    left_kids = [c for c in r if c.tag != RPR]
    right_kids = [c for c in right if c.tag != RPR]
    pos, cut, inner = 0, len(left_kids), 0
    for i, child in enumerate(left_kids):
        n = _length(child)
        if pos + n > k:
            cut, inner = i, k - pos
            break
        pos += n
    if inner:       # the cut falls inside this w:t: each side keeps its part
        text = left_kids[cut].text or ""
        left_kids[cut].text, right_kids[cut].text = text[:inner], text[inner:]
        for t in (left_kids[cut], right_kids[cut]):
            t.set(SPACE, "preserve")
        drop_left, drop_right = left_kids[cut + 1:], right_kids[:cut]
    else:
        drop_left, drop_right = left_kids[cut:], right_kids[:cut]
    for child in drop_left:
        r.remove(child)
    for child in drop_right:
        right.remove(child)
    r.addnext(right)
    return right


def cut_at(p, k: int) -> None:
    """Make character k of paragraph p a run boundary."""
    for start, end, r in text_runs(p):
        if start < k < end:
            split_run(r, k - start)
            return


def runs_in(p, a: int, b: int) -> list:
    """The runs that hold exactly characters [a, b) of p, splitting runs as needed."""
    if b <= a:
        return []
    cut_at(p, a)
    cut_at(p, b)
    return [r for start, end, r in text_runs(p) if a <= start and end <= b and end > start]


def _split_wrapper(wrapper, child, after: bool):
    """Split an inline wrapper (w:smartTag, w:customXml) next to one of its children: a copy
    of it (its properties only) placed right after it takes the children after (or from)
    that child. Returns the copy."""
    right = deepcopy(wrapper)
    for c in list(right):
        if c.tag not in WRAPPER_PROPS:
            right.remove(c)
    kids = [c for c in wrapper if c.tag not in WRAPPER_PROPS]
    for c in kids[kids.index(child) + (1 if after else 0):]:
        right.append(c)             # moves the element itself
    wrapper.addnext(right)
    return right


def _hoist(marks: list, after: bool) -> None:
    """Move comment marks out of w:smartTag and w:customXml, splitting the wrapper where the
    marks are: LibreOffice does not see a range end inside one (Word does)."""
    parent = marks[0].getparent()
    while parent is not None and parent.tag in WRAPPERS:
        edge = marks[-1] if after else marks[0]
        right = _split_wrapper(parent, edge, after)
        for mark in marks:
            parent.addnext(mark) if after else right.addprevious(mark)
        if after:                    # keep their order: each goes right after the last
            for a, b in zip(marks, marks[1:]):
                a.addnext(b)
        for empty in (parent, right):
            if not [c for c in empty if c.tag not in WRAPPER_PROPS]:
                empty.getparent().remove(empty)
        parent = marks[0].getparent()


def add_comment(document, pieces: list[tuple[object, int, int]], paragraphs: list[str],
                author: str, initials: str) -> bool:
    """Anchor one comment over pieces [(w:p, a, b)], in order; its text is one Word
    paragraph per string. False when the pieces hold no text to anchor on."""
    runs = [r for p, a, b in pieces for r in runs_in(p, a, b)]
    if not runs:
        return False
    first, last = Run(runs[0], document), Run(runs[-1], document)
    comment = document.add_comment([first, last], paragraphs[0], author, initials)
    for text in paragraphs[1:]:
        comment.add_paragraph(text)
    start = runs[0].getprevious()
    end = runs[-1].getnext()
    _hoist([start], after=False)
    _hoist([end, end.getnext()], after=True)    # the range end and the reference run
    return True
