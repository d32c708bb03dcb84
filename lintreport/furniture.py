"""Page furniture of government web sites around a report copied from them: the header
(breadcrumbs, the 索引号/发布机构/成文日期 information table, counters, 字号 大中小, print and
share widgets, 今天是… date widgets) and the footer (related links, 主办单位, ICP备, 网站标识码).

The vocabulary is data (rules/data/furniture.yaml). A block is found by label density and
position: a header is a run of label lines before the report's prose starts (the title may
stand among them), a footer is a run of label lines that goes on to the very end, after the
issuer and date. A block needs two different labels or one strong label, so a lone 来源：
line in the text is not taken. The information table's fields are read (`fields`) so that the
metadata checks can compare 发布机构 and 成文日期 with the report itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SPACE = re.compile(r"[\s\u3000\u00a0]+")
MAX_LINE = 200          # a furniture line is short; a paragraph of the report is not
HEAD, TAIL = 40, 40     # lines searched at the top and at the bottom
LINK_MAX = 80           # a listed link: one article title


@dataclass(frozen=True)
class WebBlock:
    """A block of a web page's header or footer lines around the report."""
    first: int   # index into the list of lines (0-based)
    last: int
    where: str   # "header" or "footer"
    labels: tuple[str, ...]
    fields: tuple[tuple[str, str], ...] = ()    # (metadata key, value) read from the block


@dataclass(frozen=True)
class Vocabulary:
    """The patterns that recognise a web page's field labels and widgets."""
    labels: re.Pattern          # a field label and its colon, anywhere in a squeezed line
    label_start: re.Pattern     # a field label at the start of a line (colon optional)
    keys: dict                  # label → metadata key (or None)
    widgets: tuple              # (name, regex)
    footer: tuple               # (name, regex)
    strong: frozenset
    lists: frozenset


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The label vocabulary from rules/data/furniture.yaml, compiled once."""
    from .data import load_data
    data = load_data("furniture")
    keys = dict(data["fields"])
    alt = "|".join(sorted(map(re.escape, keys), key=len, reverse=True))
    return Vocabulary(
        re.compile(rf"({alt})[:：]"), re.compile(rf"^[【\[]?({alt})(?:[:：]|[】\]]|$)"), keys,
        tuple((k, re.compile(v)) for k, v in data["widgets"].items()),
        tuple((k, re.compile(v, re.I)) for k, v in data["footer"].items()),
        frozenset(data["strong"]), frozenset(data.get("lists") or ()))


def squeeze(text: str) -> str:
    return SPACE.sub("", text)


def header_labels(s: str, voc: Vocabulary) -> list[str]:
    """The furniture labels of a squeezed line seen as page header ([] if it is not one)."""
    if not s or len(s) > MAX_LINE or "。" in s:
        return []
    found = [name for name, rx in voc.widgets if rx.search(s)]
    m = voc.label_start.match(s)
    if m or found:
        found += [m.group(1)] if m else []
        found += [x.group(1) for x in voc.labels.finditer(s) if not m or x.start() > 0]
    return list(dict.fromkeys(found))


def footer_labels(s: str, voc: Vocabulary) -> list[str]:
    if not s or len(s) > MAX_LINE or "。" in s:
        return []
    return [name for name, rx in voc.footer if rx.search(s)]


def _fields(texts: list[str], first: int, last: int, voc: Vocabulary) -> tuple:
    """(key, value) of the information table: 发布机构：王河乡人民政府, or the label on one
    line and its value on the next."""
    out = []
    for i in range(first, last + 1):
        s = squeeze(texts[i])
        marks = [(m.start(), m.end(), m.group(1)) for m in voc.labels.finditer(s)]
        start = voc.label_start.match(s)
        if start and not any(a == 0 for a, _, _ in marks):
            marks.insert(0, (0, start.end(), start.group(1)))
        for k, (a, b, label) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(s)
            value = s[b:end].strip("】][【|｜")
            if not value and k + 1 == len(marks) and i < last:
                nxt = squeeze(texts[i + 1])
                value = "" if header_labels(nxt, voc) else nxt
            key = voc.keys.get(label)
            if key and value:
                out.append((key, value))
    return tuple(out)


def _accept(labels: list[str], voc: Vocabulary) -> bool:
    return len(set(labels)) >= 2 or any(x in voc.strong for x in labels)


def _headers(texts: list[str], voc: Vocabulary) -> list[WebBlock]:
    blocks, i, n = [], 0, min(HEAD, len(texts))
    while i < n:
        s = squeeze(texts[i])
        if "。" in s:
            break       # the report's prose has begun: what follows is no page header
        labels = header_labels(s, voc)
        if not labels:
            i += 1
            continue
        first, last, found = i, i, list(labels)
        j = i + 1
        while j < len(texts):
            t = squeeze(texts[j])
            more = header_labels(t, voc)
            if more:
                found += more
                last = j
            elif t and _value_after(texts[j - 1], t, voc):
                last = j    # 索引号 / 11410…: the value on its own line
            elif t:
                break
            j += 1
        if _accept(found, voc):
            blocks.append(WebBlock(first, last, "header", tuple(dict.fromkeys(found)),
                                   _fields(texts, first, last, voc)))
        i = j
    return blocks


def _value_after(previous: str, s: str, voc: Vocabulary) -> bool:
    """A short value standing alone under a label that has none (索引号 / 2025)."""
    p = squeeze(previous)
    m = voc.label_start.match(p)
    return bool(m) and m.end() >= len(p.rstrip(":：")) and len(s) <= 40 and "。" not in s


def _footer(texts: list[str], voc: Vocabulary, after: int) -> WebBlock | None:
    """The earliest label line in the tail from which every line to the end is furniture:
    label lines, and the short lines a list label (相关链接) lists."""
    end = len(texts) - 1
    while end >= 0 and not texts[end].strip():
        end -= 1
    start = max(after, end + 1 - TAIL)
    # a line of prose (a full stop, or too long for furniture) ends every footer that
    # starts above it: the search starts below the last one (mostly the issuer and date),
    # squeezed from the end up, so the lines above it are never looked at
    squeezed = []
    for k in range(end, start - 1, -1):
        s = squeeze(texts[k])
        if "。" in s or len(s) > MAX_LINE:
            start = k + 1
            break
        squeezed.append(s)
    squeezed.reverse()
    lines = [(s, footer_labels(s, voc)) for s in squeezed]
    for k, (_, labels) in enumerate(lines):
        if not labels:
            continue
        listing, ok = False, True
        for s, more in lines[k:]:
            listing = listing or bool(voc.lists.intersection(more))
            if not (more or not s or listing and len(s) <= LINK_MAX and "。" not in s):
                ok = False
                break
        found = [x for _, more in lines[k:] for x in more]
        if ok and _accept(found, voc):
            return WebBlock(start + k, end, "footer", tuple(dict.fromkeys(found)))
    return None


def find_blocks(texts: list[str]) -> list[WebBlock]:
    """Header blocks near the top and the footer block at the end of a report's lines."""
    voc = vocabulary()
    blocks = _headers(texts, voc)
    footer = _footer(texts, voc, blocks[-1].last + 1 if blocks else 0)
    return blocks + ([footer] if footer else [])


def page_fields(texts: list[str]) -> dict:
    """The information table's fields (发布机构, 成文日期…) of a page's header blocks."""
    out: dict = {}
    for block in _headers(texts, vocabulary()):
        for key, value in block.fields:
            out.setdefault(key, value)
    return out
