"""Inline switches: <!-- lintreport-disable S001 --> turns rules off in the text itself.

-disable (whole report), -disable-line (this line), -disable-next-line (the next); no ids:
every rule. A rule's category (punctuation, structure…) stands for all its rules.
"""
from __future__ import annotations

from ..finding import Finding
from ..switches import DISABLE, ids_of


def suppressions(doc) -> list[tuple[int | None, set[str]]]:
    """The switches of a report: [(line or None for the whole report, {ids})], read once."""
    marks = doc.analysis.disabled
    if marks is None:
        marks = []
        for line in doc.source.lines:
            if "lintreport-disable" not in line.text:
                continue
            for m in DISABLE.finditer(line.text):
                ids = ids_of(m)
                scope = {"-line": line.number, "-next-line": line.number + 1}.get(m.group(1))
                marks.append((scope, ids))
        doc.analysis.disabled = marks
    return marks


def hidden(f: Finding, marks) -> bool:
    """Whether a switch turns this finding off."""
    return any((scope is None or scope == f.line) and (not ids or f.rule.casefold() in ids or
                                                       f.category in ids)
               for scope, ids in marks)
