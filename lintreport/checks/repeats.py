"""Back-to-back repeats: a line printed twice in a row (the title, a heading, a paragraph) and
a clause said twice in a row inside one sentence (全面推进依法行政，全面推进依法行政).

These are slips of copying and pasting, not the similar passages far apart that
duplicate-text compares; they are found by comparing each line or clause only with the one
right before it, which costs one pass.
"""
from __future__ import annotations

import re

from .. import text as T
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


@check("repeated-line", min_chars=Option(int, 6, doc="Han characters a line needs to count"))
def repeated_line(doc, rule, ctx):
    """A line that repeats the non-blank line right before it (a title printed twice).

    Only the title, headings and whole sentences count: a Word table repeats a merged cell's
    text once per column it spans, which is not a slip."""
    before = None
    titles = {line.number for line in doc.title} | {h.line.number for h in doc.headings}
    for line in doc.lines:
        words = _words(line.text)
        if not words:
            continue
        if before is not None and words == _words(before.text) and _han(words) >= rule.options["min_chars"] \
                and (before.number in titles or line.text.rstrip(T.SPACES).endswith(WHOLE)):
            lead = len(line.text) - len(line.text.lstrip(T.SPACES))
            fix = Fix(line.number, max(lead - line.prefix, 0) + 1,
                      len(line.text) - line.prefix + 1, "")
            yield doc.hit(line, lead, len(line.text.rstrip()), fix=fix,
                          args={"other_line": before.number})
        before = line


@check("repeated-clause", min_chars=Option(int, 4, doc="Han characters a clause needs to count"))
def repeated_clause(doc, rule, ctx):
    """A clause said twice in a row in one sentence: the second copy, with its separator."""
    least = rule.options["min_chars"]
    for p in doc.paragraphs:
        text = p.line.text
        prev = None
        for m in CLAUSES.finditer(text, p.start, p.start + len(p.text)):
            words = _words(m.group(0))
            # the same clause again, or the tail of the one before again (…网上可办率达到98%，
            # 网上可办率达到98%), which needs a longer copy to count
            again = prev is not None and (words == prev[1] and _han(words) >= least or
                                          prev[1].endswith(words) and _han(words) >= 2 * least - 2)
            if again and not any(c in SENTENCE_END for c in text[prev[0].end():m.start()]):
                cut = prev[0].end()
                fix = Fix(p.line.number, cut - p.line.prefix + 1, m.end() - p.line.prefix + 1, "")
                yield doc.hit(p.line, m.start(), m.end(), fix=fix, args={"text": m.group(0).strip()})
            prev = (m, words)
