"""Findings about one report, put in the order a reader needs and said once.

Order: by place in the text; at the same place the more severe first (a missing required
part is not listed under a 提示 at 1:1), then by rule id.

Said once: two rules can flag the same words, e.g. spam injected into a cited title is both
a corrupted citation (R001) and injected spam (H002). A finding is dropped when another
finding of at least its severity covers its whole span and already quotes its text in its
message: the covering one wins (it is the wider, more specific statement and carries the
correct wording). At equal spans the more severe wins, then the rule listed first. A
finding that carries a fix is always kept, so that --fix applies it.
"""
from __future__ import annotations

import heapq

from .finding import Finding


def reading_order(f: Finding):
    return (f.path, f.line, f.column, -f.severity, f.rule, f.end_line, f.end_column or 0,
            f.message)


def _span(f: Finding):
    return (f.line, f.column), (f.end_line, f.end_column)


def _restates(outer: Finding, inner: Finding, outer_first: bool) -> bool:
    """outer says all inner says: it covers inner's span and quotes inner's text."""
    if outer is inner or outer.end_column is None or inner.end_column is None or inner.fix:
        return False
    (a, b), (c, d) = _span(outer), _span(inner)
    if not (a <= c and d <= b) or outer.severity < inner.severity:
        return False
    text = inner.excerpt.strip("“”「」《》…")
    if len(text) < 2 or text not in outer.message:
        return False
    if (a, b) == (c, d) and outer.severity == inner.severity:
        return outer_first       # the same words and weight: the rule listed first speaks
    return True


def said_once(findings: list[Finding], rule_order: dict[str, int]) -> list[Finding]:
    """findings without those another finding already states (see the module docstring)."""
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        if f.end_column is not None:
            by_line.setdefault(f.line, []).append(f)
    gone = set()
    for group in by_line.values():
        if len(group) < 2:
            continue
        # A sweep by start: only a finding that starts at or before this one and has not
        # ended before it can cover it. Comparing every pair made a line with thousands of
        # findings (a hostile 3.8 MB line) take minutes.
        group.sort(key=lambda f: _span(f)[0])
        active: list = []       # heap of (end, n, finding) of findings begun so far
        begun = 0
        for inner in group:
            start, _ = _span(inner)
            while begun < len(group) and _span(group[begun])[0] <= start:
                heapq.heappush(active, (_span(group[begun])[1], begun, group[begun]))
                begun += 1
            while active and active[0][0] < start:
                heapq.heappop(active)
            if any(_restates(outer, inner, rule_order.get(outer.rule, 0) <
                             rule_order.get(inner.rule, 0))
                   for _, _, outer in active if id(outer) not in gone):
                gone.add(id(inner))
    return [f for f in findings if id(f) not in gone]
