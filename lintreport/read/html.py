"""Web pages saved from government sites (.html, .htm): the report's text without the page's
navigation, header and footer (the information panel inside the article is left to the
document model), and its publication date as metadata.

The report is the element that holds most of the page's Chinese text (a readability-style
score), with the article's title from the page put back on top. `Line.number` is the line's
number in the extracted text; the page's publication date (发布时间, 发布日期, 公开日期 or
<meta name="PubDate">) goes into `Source.meta["published"]` for the deadline check.
"""
from __future__ import annotations

import datetime
import re

from ..errors import InputError
from . import Line, Source
from .plain import decode

BLOCKS = {"address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl",
          "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
          "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul"}
DROP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
        "iframe", "button", "select", "textarea", "svg", "canvas", "object", "embed", "map"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
# class or id tokens of page chrome on sites that do not use <nav>/<header>/<footer>
CHROME = re.compile(r"^(nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumbs?|"
                    r"crumbs?|position|location|share|sidebar|side|copyright|toolbar)(?:[-_].*)?$",
                    re.IGNORECASE)
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
HAN = re.compile(r"[\u3400-\u9fff]")
SPACE = re.compile(r"[ \t\r\n\f\v]+")
PUB_META = ("pubdate", "publishdate", "firstpublishedtime", "publish_time", "publishtime",
            "article:published_time", "dc.date", "dc.date.issued")
PUB_LABEL = re.compile(r"(?:发布时间|发布日期|公开日期|发稿时间|发布于)\s*[】\]]?\s*[:：]?\s*"
                       r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
TITLE_MAX = 100


def _charset(data: bytes) -> str | None:
    m = CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name


def _text(data: bytes) -> str:
    """Decode by the page's declared charset, else as a text file is decoded."""
    declared = _charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)[0]


def _date(y: str, m: str, d: str) -> datetime.date | None:
    try:
        return datetime.date(int(y), int(m), int(d))
    except ValueError:
        return None


def published(root) -> datetime.date | None:
    """The page's publication date: <meta name="PubDate">, else a 发布时间-style label."""
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if name in PUB_META:
            m = re.match(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", meta.get("content") or "")
            if m and _date(*m.groups()):
                return _date(*m.groups())
    body = root.find("body")
    m = PUB_LABEL.search(SPACE.sub(" ", (body if body is not None else root).text_content()))
    return _date(*m.groups()) if m else None


def _tokens(el) -> list[str]:
    return ((el.get("class") or "") + " " + (el.get("id") or "")).split()


def _is_chrome(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in CHROME_ROLES or HIDDEN.search(el.get("style") or ""):
        return True
    return tag not in ("body", "html") and any(CHROME.match(t) for t in _tokens(el))


def strip_chrome(root) -> None:
    """Remove scripts, navigation, headers, footers and hidden elements, keeping tails."""
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and _is_chrome(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _block(el):
    while el is not None and not (isinstance(el.tag, str) and el.tag in BLOCKS):
        el = el.getparent()
    return el


def content(root):
    """The element holding most of the page's text: each text's block counts for itself,
    its parent and, at half weight, its grandparent; blocks beside it that hold a good
    share of the text too are taken with it."""
    score: dict = {}
    for el in root.iter():
        own = el.text if isinstance(el.tag, str) else None    # not a comment's text
        for text, owner in ((own, el), (el.tail, el.getparent())):
            n = len(HAN.findall(text or ""))
            block = _block(owner) if n else None
            if block is None:
                continue
            parent = block.getparent()
            grand = parent.getparent() if parent is not None else None
            for target, weight in ((block, 1.0), (parent, 1.0), (grand, 0.5)):
                if target is not None:
                    score[target] = score.get(target, 0) + n * weight
    if not score:
        return root
    best = max(score, key=lambda el: score[el])
    # a report split over sibling blocks (one <div> per page): take them all
    parent = best.getparent()
    while parent is not None and any(child is not best and score.get(child, 0) >= 0.2 * score[best]
                                     for child in parent):
        best, parent = parent, parent.getparent()
    return best


def lines_of(el) -> list[str]:
    """Text lines of an element: blocks and <br> break lines, inline text runs on."""
    out = [""]

    def walk(node, depth=0):
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag:     # a comment: keep only suppressions (<!-- lintreport-disable … -->)
            if "lintreport-disable" in (node.text or ""):
                out.extend([f"<!--{node.text}-->", ""])
        elif tag == "br":
            out.append("")
        else:
            block = tag in BLOCKS
            if block:
                out.append("")
            out[-1] += node.text or ""
            if depth < 200:
                for child in node:
                    walk(child, depth + 1)
            if block:
                out.append("")
        if node is not el:
            out[-1] += node.tail or ""

    walk(el)
    lines = (SPACE.sub(" ", line).strip(" \u3000\u00a0\ufeff") for line in out)
    return [line for line in lines if line]


def _title(root, main) -> str:
    """The article's title when the text itself does not begin with it."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and HAN.search(meta.get("content") or ""):
            return SPACE.sub(" ", meta.get("content")).strip()
    before, around = [], set(main.iterancestors())
    for el in root.iter():
        if el is main:
            break
        if el not in around and isinstance(el.tag, str) and (el.tag in ("h1", "h2", "h3", "h4") or
                                        any("title" in t.lower() for t in _tokens(el))):
            before.append(el)
    for el in reversed(before):
        text = " ".join(lines_of(el))
        if HAN.search(text) and len(text) <= TITLE_MAX:
            return text
    return ""


def read(path: str) -> Source:
    import lxml.html
    with open(path, "rb") as f:
        data = f.read()
    text = re.sub(r"^\s*<\?xml[^>]*>", "", _text(data))
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError or ValueError on pages it cannot read
        raise InputError(f"无法解析网页：{type(exc).__name__}: {exc}") from exc
    meta = {}
    date = published(root)
    if date:
        meta["published"] = date
    strip_chrome(root)
    main = content(root)
    if main is not root:    # the page around the article: its information table's fields
        meta["page_lines"] = lines_of(root)     # are read with the rest (webpage.py)
    texts = lines_of(main)
    title = _title(root, main)
    if title and (not texts or SPACE.sub("", texts[0]) != SPACE.sub("", title)):
        texts.insert(0, title)
    # an information panel or site footer inside the article block stays in the text: the
    # document model finds it (lintreport/webpage.py), reads its fields and reports it once
    if not any(HAN.search(t) for t in texts):
        raise InputError("网页中没有找到报告正文（页面可能只有图片、附件链接或由脚本加载），"
                         "请打开网页另存为完整网页，或提供docx")
    lines = [Line(t, n) for n, t in enumerate(texts, 1)]
    return Source(path, lines, kind="html", meta=meta)
