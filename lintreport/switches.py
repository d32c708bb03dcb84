"""Inline switches: <!-- lintreport-disable S001 --> (whole report), -disable-line (this
line), -disable-next-line (the next line); no ids: every rule.

A switch is an instruction to lintreport, not report text: `strip()` takes it out of the
text the checks see, keeping the line (and its number) so that every finding stays where it
was. The engine reads the switches from the source itself.
"""
from __future__ import annotations

import re

DISABLE = re.compile(r"lintreport-disable(-next-line|-line)?\s*([\w ,-]*?)\s*-->")
COMMENT = re.compile(r"<!--\s*lintreport-disable[^>]*?-->")


def ids_of(match: re.Match) -> set[str]:
    """The rule ids or categories a switch names, case-folded (empty: every rule)."""
    return {x.casefold() for x in re.split(r"[\s,]+", match.group(2).strip())} - {""}


def strip(text: str) -> str:
    """The text without its switches. A switch is written at the end of a line or on a line
    of its own, so the columns of the report's own text do not move."""
    if "lintreport-disable" not in text:
        return text
    return COMMENT.sub("", text).rstrip(" \t\u3000") if COMMENT.search(text) else text
