"""Back-to-back repeats: a line printed twice in a row (the title, a heading, a paragraph) and
a clause said twice in a row inside one sentence (全面推进依法行政，全面推进依法行政).

These are slips of copying and pasting, not the similar passages far apart that
duplicate-text compares; they are found by comparing each line or clause only with the one
right before it, which costs one pass.
"""
from __future__ import annotations

import re

from .. import hanzi as T
from ..finding import Fix
from . import Option, check

# Clause separators inside a sentence; the sentence ends at 。！？ (and ；, which starts a new
# item of a list).
CLAUSES = re.compile(r"[^，,、。；;！？!?\n]+")
SENTENCE_END = "。；;！？!?"
WHOLE = ("。", "！", "？", "；", "”", "…")     # how a line that is a whole sentence ends
NOT_WORDS = re.compile(r"[\s\u3000\"“”‘’《》（）()]")


def _words(text: str) -> str:
    """What two copies are compared by: the text without spaces, quotes and brackets."""
    return NOT_WORDS.sub("", text)


def _han(text: str) -> int:
    return len(T.HAN.findall(text))


@check("repeated-line",
       doc="一行与紧接在它前面的非空行完全相同（如标题印了两遍）。只比较标题、"
           "小标题和以句末标点结尾的整句：Word表格中合并单元格的文字每列重复一次，不算。"
           "可用 `--fix` 删去重复的一行。",
       min_chars=Option(int, doc="一行至少有这么多个汉字才比较"))
def repeated_line(doc, rule, ctx):
    """A line that repeats the non-blank line right before it (a title printed twice).

    Only the title, headings and whole sentences count: a Word table repeats a merged cell's
    text once per column it spans, which is not a slip."""
    before = None
    titles = {line.number for line in doc.title} | {h.line.number for h in doc.headings}
    for line in doc.lines:
        raw = line.text.strip(T.SPACES)
        if not raw:
            continue
        # copies end alike: only then is the normalised text worth comparing
        if before is not None and raw[-2:] == before.text.strip(T.SPACES)[-2:] and \
                (before.number in titles or raw.endswith(WHOLE)) and \
                _words(raw) == _words(before.text) and _han(raw) >= rule.options["min_chars"]:
            lead = len(line.text) - len(line.text.lstrip(T.SPACES))
            fix = Fix(line.number, max(lead - line.prefix, 0) + 1,
                      len(line.text) - line.prefix + 1, "")
            yield doc.hit(line, lead, len(line.text.rstrip()), fix=fix,
                          args={"other_line": before.number})
        before = line


@check("repeated-clause",
       doc="同一句中一个分句紧接着又说了一遍（“全面推进依法行政，全面推进依法行政”），"
           "报出后一遍及其前面的分隔号；可用 `--fix` 删去。",
       min_chars=Option(int, doc="一个分句至少有这么多个汉字才比较"))
def repeated_clause(doc, rule, ctx):
    """A clause said twice in a row in one sentence: the second copy, with its separator."""
    least = rule.options["min_chars"]
    for p in doc.paragraphs:
        text = p.line.text
        # copies end alike: a paragraph where no two clauses in a row do is skipped after
        # one findall (most paragraphs), without a match object per clause
        ends = [c.strip(T.SPACES)[-2:] for c in CLAUSES.findall(text, p.start, p.start + len(p.text))]
        if not any(map(str.__eq__, ends, ends[1:])):     # in C, not a genexpr
            continue
        prev = None
        for m in CLAUSES.finditer(text, p.start, p.start + len(p.text)):
            raw = m.group(0).strip(T.SPACES)
            # copies end alike: only then is the normalised text worth comparing
            if prev is not None and raw[-2:] == prev.group(0).strip(T.SPACES)[-2:] and \
                    not any(c in SENTENCE_END for c in text[prev.end():m.start()]):
                words, before = _words(raw), _words(prev.group(0))
                # the same clause again, or the tail of the one before again (…网上可办率达到
                # 98%，网上可办率达到98%), which needs a longer copy to count
                if words == before and _han(words) >= least or \
                        before.endswith(words) and _han(words) >= 2 * least - 2:
                    fix = Fix(p.line.number, prev.end() - p.line.prefix + 1,
                              m.end() - p.line.prefix + 1, "")
                    yield doc.hit(p.line, m.start(), m.end(), fix=fix, args={"text": raw})
            prev = m
