"""Heading markers of GB/T 9704 (一、 （一） 1. （1）) and how a line that starts with one
splits into marker, title and body. Recognised by numbering, position and length, never by
a list of titles; the half-width and wrong forms real reports use are accepted here and
reported by the numbering checks.
"""
from __future__ import annotations

import re

from . import hanzi as T

# Heading markers by their nominal GB/T 9704 level; the half-width and wrong forms real
# reports use are accepted here and reported by the numbering checks.
MARKERS = (
    # 第一部分 above the GB/T 9704 levels: long reports group their 一、 lists into parts
    (0, re.compile(r"第([一二三四五六七八九十]{1,3})部分[ \t]*([：:、，,.．]?)")),
    (1, re.compile(r"([一二三四五六七八九十]{1,3})[ \t]*([、，,.．])")),
    (2, re.compile(r"[（(][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[）)][ \t]*([、，,.．]?)")),
    (2, re.compile(r"([一二三四五六七八九十]{1,3})([）)])")),
    (3, re.compile(r"(\d{1,2})[ \t]*([.．、，,])(?![\d.．])")),
    (4, re.compile(r"[（(][ \t]*(\d{1,2})[ \t]*[）)][ \t]*([、，,.．]?)")),
    (4, re.compile(r"(\d{1,2})([）)])")),
)
# What every marker above starts with.
MARKER_START = re.compile(r"[第一二三四五六七八九十（(\d]")
# Leading spaces, Markdown marks and Word bookmark debris are not the report's words.
LEAD = re.compile(r"^(?:[ \t\u3000\u00a0\ufeff]*(?:#{1,6}[ \t]+|>[ \t]*|\*\*|\[bookmark:[^\]]*\])?)*")
TITLE_STOP = re.compile(r"[。！？!?：:；;]")      # where a run-in title ends
FIRST_CLAUSE_END = re.compile(r"[，,。；;]")
TITLE_MAX = 60          # a heading's title is at most this long
RUN_IN_MAX = 40         # a run-in title (（一）标题。正文…) ends by then


def lead_length(text: str) -> int:
    """Leading spaces and Markdown marks, which are not part of the report's words."""
    return LEAD.match(text).end()


def match_marker(text: str, start: int):
    """(form, number, marker_end, punct) of a heading marker at text[start:], or None."""
    if MARKER_START.match(text, start) is None:
        return None     # most lines: one test instead of one per marker form
    for form, pattern in MARKERS:
        m = pattern.match(text, start)
        if m:
            numeral = m.group(1)
            # 一是/一要 and words like 一方面 are not markers: they have no punctuation here
            n = T.ordinal(numeral)
            if n is None:
                continue
            return form, n, m.end(), m.group(2) if m.lastindex >= 2 else ""
    return None


def split_title(text: str, start: int) -> tuple[int, bool]:
    """End of a heading's title at text[start:], and whether body text follows it."""
    rest = text[start:].rstrip()
    m = TITLE_STOP.search(rest)
    if m is None:
        return start + len(rest), False
    after = rest[m.end():].strip(T.SPACES)
    if not after:
        return start + m.start(), False
    return start + m.end(), True


def is_heading(text: str, lead: int):
    """(form, number, marker, title, title_end, body_start) for a line that starts with a
    heading marker, else None. body_start is None when no body text follows the title."""
    found = match_marker(text, lead)
    if not found:
        return None
    form, number, end, punct = found
    body = text[end:].strip(T.SPACES)
    if not body or not (T.HAN.match(body) or body[0].isdigit() or body[0] in "“\"《"):
        return None
    title_end, run_in = split_title(text, end)
    title = text[end:title_end].strip(T.SPACES + "。：:；;")
    body_start = title_end if run_in else None
    if len(title) > (RUN_IN_MAX if run_in else TITLE_MAX):
        # a numbered paragraph (1.始终将…,…。): its first clause labels it, all of it is body
        cut = FIRST_CLAUSE_END.search(text, end)
        title_end = cut.start() if cut else title_end
        title = text[end:title_end].strip(T.SPACES)
        body_start = end
    return form, number, text[lead:end], title, title_end, body_start


# A bold lead that is body text, not a title: 一是…, 首先…; a title starts with a word or a year.
NOT_TITLE = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|其[一二三四五六七八九十]|首先|同时|特此)")
TITLE_START = re.compile(r"[\u4e00-\u9fff]|\d{4}年")


def bold_title(text: str, prefix: int, bold: int, level: int):
    """is_heading's tuple for a docx paragraph whose first characters are bold and make a
    short title (加强组织领导。 or a whole short bold line), else None. Such unnumbered titles
    stand one level below the numbered heading they follow (level), with number 0."""
    start = prefix + len(text[prefix:]) - len(text[prefix:].lstrip(T.SPACES))
    end = prefix + bold
    title = text[start:end].strip(T.SPACES + "。：:；;")
    rest = text[end:].strip(T.SPACES)
    if not title or not TITLE_START.match(title) or NOT_TITLE.match(title) or \
            len(title) > (RUN_IN_MAX if rest else TITLE_MAX) or re.search(r"[。；;！？]", title):
        return None
    if rest and not re.search(r"[。：:；;]$", text[start:end].rstrip(T.SPACES)) and rest[0] not in "。：:；;":
        return None     # bold words inside a sentence: emphasis, not a title
    if rest and rest[0] in "。：:；;":
        end += len(text[end:]) - len(text[end:].lstrip(T.SPACES)) + 1
    return level, 0, "", title, end, (end if text[end:].strip(T.SPACES) else None)
