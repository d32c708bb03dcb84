"""Which sections of a report are its required parts (主要举措和成效, 不足和原因, …).

A checklist says how each part's heading is phrased; a section belongs to the first part,
in the checklist's order, whose patterns its title matches. Top-level matches win over
second-level ones, so a sub-heading that happens to say 问题 does not make a part.
"""
from __future__ import annotations

import re

from .model import Checklist, Part
from .document import Document, Section


# a backreference or conditional by group number, which joining patterns would renumber
BY_NUMBER = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def classify(doc: Document, checklist: Checklist) -> dict[str, list[Section]]:
    """part key → the sections that make up that part (empty when it is missing)."""
    cached = doc.analysis.parts.get(checklist.path)
    if cached is not None:
        return cached
    found: dict[str, list[Section]] = {key: [] for key in checklist.parts}
    taken: set[int] = set()
    owner: dict[int, str] = {}      # id(section) → the part it was taken into
    sections = list(doc.walk())     # walked once, not once per level
    for level in (0, 1, 2, 3):
        for section in sections:
            if section.level != level or id(section) in taken:
                continue
            # the part of the nearest ancestor taken into one
            outer = next((owner[id(s)] for s in _ancestors(section) if id(s) in owner), None)
            for key, part in checklist.parts.items():
                if outer is not None and outer not in part.within:
                    continue    # 第一责任人 in a plan's sub-heading is a plan, not the part
                # a 第X部分 (level 0) stands where a top-level heading would
                if max(level, 1) in part.levels and matches(part, section.title) and \
                        not (found[key] and level > min(s.level for s in found[key])):
                    found[key].append(section)
                    taken.add(id(section))
                    owner[id(section)] = key
                    break
    # The results part is often not headed as such (一、加强组织领导…): then the top-level
    # sections before the first recognised part are the results.
    for key, part in checklist.parts.items():
        if found[key] or not part.implicit:
            continue
        for section in doc.sections:
            if id(section) in taken:
                break
            found[key].append(section)
            taken.add(id(section))
    doc.analysis.parts[checklist.path] = found
    return found


_EITHER: dict[int, tuple] = {}       # id(part) → (part, heading test, exclude test)


def matches(part: Part, title: str) -> bool:
    """part.matches(title), with each part's patterns joined into one regex (a section title
    is tried against every part: one search per part instead of one per pattern)."""
    stored = _EITHER.get(id(part))
    if stored is None or stored[0] is not part:     # another part of that id, now gone
        stored = _EITHER[id(part)] = (part, any_of(part.heading), any_of(part.exclude))
    return stored[1](title) and not stored[2](title)


def any_of(patterns):
    """A test whether any of the patterns is found in a text: one alternation of them when
    that means the same (one set of flags, no reference to a group by number)."""
    flags = {p.flags for p in patterns}
    if len(flags) == 1 and not any(BY_NUMBER.search(p.pattern) for p in patterns):
        try:
            search = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop()).search
            return lambda text: search(text) is not None
        except re.error:   # e.g. a group name used twice, or (?i) not at the start: as written
            pass
    return lambda text: any(p.search(text) for p in patterns)


def _ancestors(section: Section):
    s = section.parent
    while s is not None:
        yield s
        s = s.parent


def part_of(doc: Document, checklist: Checklist, line_number: int) -> str | None:
    """The part a source line falls in, or None (asked for every paragraph by several
    checks: the parts' line ranges are worked out once per report)."""
    spans = doc.analysis.part_lines.get(checklist.path)
    if spans is None:
        spans = doc.analysis.part_lines[checklist.path] = [
            (s.first_line, s.last_line, key)
            for key, sections in classify(doc, checklist).items() for s in sections]
    return next((key for first, last, key in spans if first <= line_number <= last), None)


def role_at(doc: Document, checklist: Checklist, line_number: int) -> str | None:
    """The role (plan, measures, …) of the part a source line falls in, or None: what a
    check asks, so that no check knows a checklist's keys."""
    key = part_of(doc, checklist, line_number)
    return checklist.parts[key].role or None if key is not None else None


def sections_for(doc: Document, checklist: Checklist, role: str) -> list[Section]:
    """The sections of the part that plays `role`; empty when the checklist has none or the
    report lacks it."""
    key = checklist.part_for(role)
    return classify(doc, checklist).get(key, []) if key is not None else []
