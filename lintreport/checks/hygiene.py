"""Hygiene: text that is not part of the report. Web page headers and footers around a copied
report, gambling and SEO spam injected into hacked pages, conversion leftovers (Word
bookmarks, image links, HTML), mojibake and unfilled template placeholders.
"""
from __future__ import annotations

import dataclasses
import re

from ..data import categories
from ..finding import Fix
from ..garble import garbled, suspects
from ..trigger import joined, lines_with
from ..switches import DISABLE, ids_of
from . import check

# Conversion leftovers, each with what it is; the fix deletes it (or keeps a link's text).
DEBRIS = (
    ("Word书签", re.compile(r"\[bookmark:[^\]\n]*\]|\[\]\{#[^}\n]*\}|\{#_[A-Za-z0-9_]+(?: \.anchor)?\}")),
    ("Markdown图片链接", re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")),
    ("Markdown超链接", re.compile(r"\[([^\]\n]+)\]\((?:https?:|ftp:|file:|#)[^)\n]*\)")),
    ("HTML标签", re.compile(r"</?(?:p|br|span|div|font|b|i|u|strong|em|sup|sub|table|tbody|tr|td|th|"
                          r"img|a|o:p|section|h[1-6])(?:\s[^<>\n]*)?/?>", re.I)),
    ("HTML字符实体", re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|"
                             r"mdash|ndash|hellip|middot|#\d{2,6}|#x[0-9a-fA-F]{2,5});")),
    ("不可见控制字符", re.compile(r"[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")),
)
DEBRIS_START = re.compile(r"[\[!<&{]")     # what the printable debris starts with
BLANK_ENTITY = {"&nbsp;", "&ensp;", "&emsp;"}
MOJIBAKE = (
    ("替换字符“\ufffd”（解码失败）", re.compile(r"\ufffd+")),
    ("成串的问号（汉字在转码中丢失）", re.compile(r"\?(?:[ \t]*\?)+")),
    ("私用区字符（字体专用符号，换台电脑即成乱码）", re.compile(r"[\ue000-\uf8ff]+")),
)
# The first characters of every MOJIBAKE pattern: lines without one are skipped in one scan.
MOJIBAKE_START = re.compile(r"[\ufffd?\ue000-\uf8ff]")


def _replacement(name: str, m: re.Match, text: str) -> str:
    """What a piece of debris becomes: nothing, a link's own text, or an entity's character."""
    if name == "Markdown超链接":
        return m.group(1)
    if name == "HTML字符实体":
        if m.group(0) in BLANK_ENTITY:
            left, right = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
            return " " if left.isascii() and left.isalnum() and right.isascii() and right.isalnum() else ""
        import html     # only for an entity found (html.entities: ~1.5 ms to import)
        return html.unescape(m.group(0))
    return ""


@check("web-chrome",
       doc="报告前后残留的政府网站页面栏目（索引号、发布机构、发布时间、主办单位等），"
           "每块报一条。这些行不算报告正文，本来就不参加其他检查。")
def web_chrome(doc, rule, ctx):
    """A government web page's header or footer (索引号, 发布时间, 主办…) around the report:
    reported once per block; the document model already keeps it out of the other checks."""
    lines = doc.source.lines
    for first, last, block in doc.web_blocks:
        top, bottom = lines[block.first], lines[block.last]
        hit = doc.hit(top, 0, None, end_line=last, excerpt=top.text.strip()[:40], args={
            "where": "页首" if block.where == "header" else "页尾",
            "first": first, "last": last,
            "labels": "、".join(dict.fromkeys(re.split(r"[:：]", x)[0] for x in block.labels))})
        yield dataclasses.replace(hit, end_column=len(bottom.text) - bottom.prefix + 1)


@check("conversion-debris",
       doc="Word文档或网页转为文本时留下的残留：Word书签（“[bookmark: _GoBack]”）、"
           "Markdown图片和超链接的写法（“![](…)”）、HTML标签和字符实体（“<br>”“&nbsp;”）、"
           "看不见的控制字符。可用 `--fix` 删除（超链接保留其文字，字符实体换成对应的字符）。")
def conversion_debris(doc, rule, ctx):
    """Leftovers of converting Word or web pages to text: bookmarks ([bookmark: _GoBack]),
    image and link syntax (![]()), HTML tags and entities, invisible control characters."""
    markdown = doc.source.kind == "markdown"
    hot = set(lines_with(doc, DEBRIS_START))    # one scan of the whole text
    for n, line in enumerate(doc.lines):
        text = line.text
        if n not in hot and text.isprintable():
            continue
        taken = []
        for name, pattern in DEBRIS:
            for m in pattern.finditer(text):
                if markdown and name == "Markdown超链接" or any(a < m.end() and m.start() < b for a, b in taken):
                    continue    # links are Markdown's own syntax; an image only when empty
                if markdown and name == "Markdown图片链接" and not m.group(0).endswith("()"):
                    continue
                taken.append((m.start(), m.end()))
                shown = m.group(0).encode("unicode_escape").decode() if not m.group(0).isprintable() else m.group(0)
                fix = Fix(line.number, m.start() - line.prefix + 1, m.end() - line.prefix + 1,
                          _replacement(name, m, text))
                yield doc.hit(line, m.start(), m.end(), args={"what": name, "text": shown}, fix=fix,
                              excerpt=shown[:40])


@check("mojibake",
       doc="转换中丢失或错乱的文字（乱码）：替换字符“\ufffd”、成串的问号、"
           "私用区字符（字体专用符号，换一台电脑就成了乱码）、用错编码读出的文字（“鎴戜滑”"
           "原为“我们”），以及文字丢失处留下的残渣。连在一起的一段乱码报一条。")
def mojibake(doc, rule, ctx):
    """Characters lost in conversion: U+FFFD, runs of “?”, private-use characters, text
    decoded with the wrong codec (鎴戜滑 for 我们) and debris where characters were lost."""
    gbk, latin = suspects(joined(doc)[0])
    # without suspect characters only the lines with a mark of MOJIBAKE (or a ?) can have any
    lines = doc.lines if gbk or latin else [doc.lines[i] for i in lines_with(doc, MOJIBAKE_START)]
    for line in lines:
        found = []
        if MOJIBAKE_START.search(line.text) is not None:
            found = [(m.start(), m.end(), name, "") for name, pattern in MOJIBAKE
                     for m in pattern.finditer(line.text)]
        if gbk or latin or "?" in line.text:
            found += list(garbled(line.text, gbk, latin))
        merged = []
        for start, stop, name, original in sorted(found):
            if merged and start <= merged[-1][1] + 1:   # one finding for one garbled stretch
                merged[-1][1] = max(merged[-1][1], stop)
            else:
                merged.append([start, stop, name, original])
        for start, stop, name, original in merged:
            what = f"{name}（原文疑为“{original}……”）" if original else name
            yield doc.hit(line, start, stop, args={"what": what})


@check("unknown-switch",
       doc="行内开关（`<!-- lintreport-disable X -->`）中写的不是本检查清单的规则编号或类别："
           "这个开关什么也没有关掉，多半是写错了，它想关掉的问题仍会报出。")
def unknown_switch(doc, rule, ctx):
    """An inline switch (<!-- lintreport-disable X -->) naming no rule or category of the
    checklist hides nothing: most likely a typo, and the finding it meant to hide stays."""
    # what the engine honours; ids are case-insensitive there, and so here
    known = {r.id.casefold() for r in ctx.checklist.rules} | set(categories())
    for line in doc.source.lines:
        if "lintreport-disable" not in line.text:
            continue
        for m in DISABLE.finditer(line.text):
            for name in sorted(ids_of(m) - known):
                at = line.text.casefold().find(name, m.start(2))
                yield doc.hit(line, at, at + len(name), args={"id": line.text[at:at + len(name)]})
