"""A report copied from a government web site: its page furniture (header, information
table, footer; see furniture.py) found once, in one place, and left out of the report.

Readers do not look for furniture. The HTML reader hands over, beside the article's own
lines, the lines of the page around it (`meta["page_lines"]`) when the article is only part
of the page: the information table beside an article (发布机构, 成文日期) is read from them.
A text or Markdown file may hold a page copied whole: its furniture is found the same way.
"""
from __future__ import annotations

from .furniture import WebBlock, find_blocks, page_fields
from .read import Line, Source


def without_furniture(source: Source, own: list[Line]):
    """(the report's lines, [(first line, last line, WebBlock)], page fields) of a source
    whose lines (`own`, inline switches removed) may hold web page furniture."""
    blocks = find_blocks([l.text for l in own])
    excluded = set()
    for b in blocks:
        excluded.update(range(b.first, b.last + 1))
    lines = [l for i, l in enumerate(own) if i not in excluded]
    web_blocks: list[tuple[int, int, WebBlock]] = [
        (source.lines[b.first].number, source.lines[b.last].number, b) for b in blocks]
    fields: dict = {}
    for b in blocks:
        for key, value in b.fields:
            fields.setdefault(key, value)
    around = source.meta.get("page_lines")
    if around:      # the information table beside the article
        for key, value in page_fields(around).items():
            fields.setdefault(key, value)
    return lines, web_blocks, fields
