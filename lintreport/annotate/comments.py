"""Findings as Word comments: what each comment says, and where in the document it goes.

One comment per finding, so the copy has exactly as many finding comments as `check`
reports findings; a finding that sums up many places (e.g. 全文有288处半角标点) stays one
comment, anchored on its first place. One more comment on the title sums the report up.

A finding with a span is anchored on its characters. One without (about the report as a
whole, such as a missing part or a topic never mentioned) goes on the nearest heading at
or before its line, else on the title, else on the first paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..finding import Finding, Severity
from .spans import add_comment

AUTHOR, INITIALS = "lintreport", "LR"
# characters XML 1.0 cannot hold (a report converted badly may have them; quoted in messages)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """text with each character XML cannot hold replaced by U+FFFD, one for one."""
    return NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True)
class Place:
    """Where a line of the report is in the Word file: its paragraph, how many characters
    of the line the paragraph leaves out at the start (stripped indent), and its length."""
    p: object
    shift: int
    length: int


def finding_text(f: Finding, titles: dict[str, str]) -> list[str]:
    """The comment of one finding: the message, then 依据 (the regulation or standard)."""
    title = titles.get(f.rule, "")
    head = f"【{f.severity.zh}】{f.rule}{' ' + title if title else ''}：{f.message}"
    return [head, f"依据：{f.source}"] if f.source else [head]


def summary_text(findings: list[Finding], missing: list[str], problems: str | None) -> list[str]:
    """The comment on the title: counts by severity and the required parts not found."""
    counts = "、".join(f"{s.zh}{sum(1 for f in findings if f.severity == s)}条"
                      for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    out = [f"lintreport检查结果：共{len(findings)}条问题（{counts}），每条问题是本文档中的一条批注。"
           if findings else "lintreport检查结果：未发现问题。"]
    out.append(f"缺少的必备部分：{'、'.join(missing)}。" if missing else "必备部分齐全。")
    if problems:
        out.append(f"部分规则未能运行：{problems}")
    return out


class Annotator:
    """Adds comments to a python-docx Document whose report lines are at `places`."""

    def __init__(self, document, places: dict[int, Place], headings: list[int],
                 title: list[int]):
        self.document = document
        self.places = places
        self.headings = sorted(n for n in headings if n in places)
        self.title = [n for n in title if n in places] or sorted(places)[:1]

    def add(self, f: Finding, text: list[str]) -> bool:
        """Anchor one finding's comment: on its span, else where document-level ones go."""
        whole = f.end_column is None and f.end_line == f.line
        if not whole and self._comment(self._span(f), text):
            return True
        if not whole and f.line in self.places and self._comment(self._whole([f.line]), text):
            return True     # e.g. a span on Word's own list number, which is not in the text
        return self.add_general(text, f.line)

    def add_general(self, text: list[str], line: int = 0) -> bool:
        """A comment on the nearest heading at or before line, else on the title."""
        before = [n for n in self.headings if n <= line]
        for lines in ([before[-1]] if before else [], self.title):
            if lines and self._comment(self._whole(lines), text):
                return True
        return False

    def _comment(self, pieces, text) -> bool:
        return bool(pieces) and add_comment(self.document, pieces, [xml_safe(t) for t in text],
                                            AUTHOR, INITIALS)

    def _whole(self, lines: list[int]) -> list[tuple[object, int, int]]:
        return [(self.places[n].p, 0, self.places[n].length) for n in lines]

    def _span(self, f: Finding) -> list[tuple[object, int, int]]:
        """[(w:p, a, b)] for the finding's characters, kept to paragraphs side by side in one
        container (the body, or one table cell) so the range nests the way Word expects."""
        first = self.places.get(f.line)
        if first is None:
            return []
        pieces = []
        for n in range(f.line, f.end_line + 1):
            place = self.places.get(n)
            if place is None or place.p.getparent() is not first.p.getparent():
                continue
            a = f.column - 1 - place.shift if n == f.line else 0
            b = f.end_column - 1 - place.shift if n == f.end_line and f.end_column else \
                place.length
            a, b = max(a, 0), min(b, place.length)
            if b > a:
                pieces.append((place.p, a, b))
        return pieces
