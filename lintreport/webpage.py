"""Find the header and footer a government web page wraps around a report copied from it.

Such blocks (索引号, 发布时间, 浏览次数, 主办/承办 …) are not part of the report: the document
model excludes them from every check, and the hygiene checks report each block once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Field labels of government web pages; spaces inside a label are removed before matching.
HEADER_LABELS = re.compile(
    r"^(政府信息公开|信息公开目录|索引号|文号|发文字号|来源|信息来源|公开日期|发布日期|发布时间|"
    r"发布机构|发文机关|成文日期|生成日期|主题分类|公开方式|公开范围|有效性|浏览次数|阅读次数|"
    r"访问量|点击数|字体|字号|【?打印|【?关闭|分享到|收藏|当前位置|您当前的位置|首页>|扫一扫)")
FOOTER_WORDS = re.compile(
    r"(主办[:：]|承办[:：]|主办单位|承办单位|备案号|ICP备|公网安备|网站标识码|版权所有|技术支持|"
    r"浏览器|分辨率|举报电话|网站地图|联系我们|返回顶部|地址[:：].{0,40}(电话|邮编))")
VALUE = re.compile(r"^[\w\-—:：./ ]{1,16}$")
STRONG = re.compile(r"索引号|浏览次数|阅读次数|备案|网站标识码|公网安备|主办|分辨率|字体")


@dataclass(frozen=True)
class WebBlock:
    first: int   # index into the list of lines (0-based)
    last: int
    where: str   # "header" or "footer"
    labels: tuple[str, ...]


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _header_label(text: str) -> str | None:
    m = HEADER_LABELS.match(_squeeze(text))
    return m.group(1) if m else None


def _is_value(text: str) -> bool:
    s = text.strip()
    return bool(s) and "。" not in s and (VALUE.match(s) is not None or s in ("[ ]", "[]"))


def _accept(labels: list[str]) -> bool:
    return len(labels) >= 2 or any(STRONG.search(x) for x in labels)


def find_blocks(texts: list[str], head: int = 30, tail: int = 15) -> list[WebBlock]:
    """Header blocks in the first `head` lines and footer blocks in the last `tail` lines."""
    blocks = []
    i, n = 0, len(texts)
    while i < min(head, n):
        if not _header_label(texts[i]):
            i += 1
            continue
        first, labels, j, last = i, [], i, i
        while j < n:
            t = texts[j]
            label = _header_label(t)
            if label:
                labels.append(label)
                last = j
            elif not (_is_value(t) or not t.strip()):
                break
            j += 1
        # the values after the last label belong to it (公开日期 / 2026-02-05)
        last = j - 1
        while last > first and not texts[last].strip():
            last -= 1
        if _accept(labels):
            blocks.append(WebBlock(first, last, "header", tuple(labels)))
        i = j + 1 if j > i else i + 1
    end = n - 1
    while end >= 0 and not texts[end].strip():
        end -= 1
    last, labels, j = end, [], end
    while j >= max(0, n - tail):
        t = texts[j]
        m = FOOTER_WORDS.search(t)
        if m and "。" not in t and len(t) <= 160:
            labels.append(m.group(1)[:4].rstrip(":："))
        elif t.strip() and not (labels and _is_value(t)):
            break
        j -= 1
    if labels and _accept(labels):
        first = j + 1
        while first <= last and not texts[first].strip():
            first += 1
        blocks.append(WebBlock(first, last, "footer", tuple(reversed(labels))))
    return blocks
