"""Triggers: one regex that matches wherever any of several patterns could begin a match,
so that a check runs its patterns only on the few lines where one of them can match, found
by one scan of the report's whole text (`lines_with`).

A trigger is read off the parsed patterns: the first few characters every match can start
with (lookarounds and anchors only narrow a match, so they are left out). It is a necessary
condition, never a sufficient one: a line it does not match holds no match of the patterns.
tests/test_trigger.py checks that on random texts and on the checks that use one.
"""
from __future__ import annotations

import bisect
import re

from .patterns import REPEATS, C, P

TRIGGER_DEPTH = 2
TRIGGER_MAX = 64            # more alternatives than this: cut at open repeats, then shallower
_CATEGORIES = {getattr(C, f"CATEGORY_{name}"): code for name, code in (
    ("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"),
    ("WORD", r"\w"), ("NOT_WORD", r"\W"))}
_EXPAND = 8                 # a class of at most this many characters becomes literals


class _Unknown(Exception):
    """A construct the trigger does not model: no trigger (every line is looked at)."""


class _TooMany(Exception):
    """More beginnings than TRIGGER_MAX at this depth: try a shallower one."""


def trigger(patterns, flags: int = 0, depth: int = TRIGGER_DEPTH):
    """A compiled regex matching at every place where one of `patterns` (compiled with
    `flags`) can start a non-empty match, or None when that cannot be told. A deeper one
    (more characters of each beginning) finds fewer lines where the patterns' first
    characters are common words (法治…)."""
    if flags & ~re.IGNORECASE:
        return None
    try:
        parsed = [P.parse(pattern, flags) for pattern in patterns]
        if any(p.state.flags & ~(re.UNICODE | flags) for p in parsed):   # inline (?s), (?x)…
            return None
        for cuts in ((False, True), (True,)):   # cut everywhere when all together are many
            alternatives: set = set().union(*(_begins(list(p), depth, cuts) for p in parsed))
            if len(alternatives) <= TRIGGER_MAX:
                break
    except Exception:   # noqa: BLE001 - _Unknown, or a pattern re cannot parse: no trigger
        return None
    # a beginning that starts with a shorter one adds nothing (X covers XX)
    kept = [a for a in alternatives if not any(a[:n] in alternatives for n in range(1, len(a)))]
    if not kept:
        return None
    return re.compile(_as_trie(kept), flags)


def _as_trie(sequences) -> str:
    """One regex for the sequences, their shared beginnings written once (七五(?:普法|”普法)):
    where a flat alternation tries every sequence at each likely start, this tries only
    those that begin there."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for piece in seq:
            node = node.setdefault(piece, {})

    def emit(node: dict) -> str:
        parts = [piece + emit(child) for piece, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")" if parts else ""
    return emit(trie)


_MADE: dict = {}            # key → the trigger, or _ASKED after the first request
_ASKED = object()


def when_reused(key, make):
    """None the first time `key` is asked for, then make() (kept): working a trigger out
    costs about a millisecond, which a run over one report never wins back; from the second
    report of a process on it is worth it. Both ways the checks find the same."""
    found = _MADE.get(key)
    if found is None:
        _MADE[key] = _ASKED
        return None
    if found is _ASKED:
        found = _MADE[key] = make()
    return found


def joined(doc) -> tuple[str, list[int]]:
    """The texts of doc.lines joined by "\n", and where each line starts in it; once."""
    if doc.analysis.joined is None:
        starts, at = [], 0
        for line in doc.lines:
            starts.append(at)
            at += len(line.text) + 1
        doc.analysis.joined = ("\n".join(l.text for l in doc.lines), starts)
    return doc.analysis.joined


def lines_with(doc, found) -> list[int]:
    """The indices in doc.lines of the lines where the trigger `found` matches, in order,
    by one scan of the report's whole text rather than one search per line."""
    text, starts = joined(doc)
    out, pos = [], 0
    while (m := found.search(text, pos)) is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        out.append(i)
        if i + 1 == len(starts):
            break
        pos = starts[i + 1]         # one match is enough: on to the next line
    return out


def _begins(items, deepest: int, cuts=(False, True)) -> set:
    """_starts to `deepest` characters; when that gives too many, cut at open-ended repeats
    (a run of spaces after 七五 gives 七五 alone, not every run), then shallower."""
    for depth, cut in ((d, c) for d in range(deepest, 0, -1) for c in cuts):
        try:    # without the ends (None) a cut put in: shorter beginnings
            found = {tuple(p for p in seq if p is not None) for seq in _starts(items, depth, cut)}
        except _TooMany:
            continue
        if () in found:         # it can match empty text: every place is a start
            raise _Unknown
        if len(found) <= TRIGGER_MAX:
            return found
    raise _Unknown


def _starts(items, depth: int, cut: bool) -> set:
    """The sequences (tuples of one-character regexes, at most `depth` long) that a match of
    `items` begins with; a shorter one is a whole match."""
    out, todo = set(), {()}
    for op, av in items:
        ahead = set()
        for seq in todo:
            if len(seq) >= depth:
                out.add(seq)
                continue
            for more in _item(op, av, depth - len(seq), cut):
                ahead.add(seq + more)
        todo = ahead
        if len(todo) > TRIGGER_MAX:
            raise _TooMany
    return out | todo


def _item(op, av, depth: int, cut: bool) -> set:
    if op == C.LITERAL:
        return {(_char(av),)}
    if op == C.NOT_LITERAL:
        return {("[^" + _char(av) + "]",)}
    if op == C.ANY:
        return {(".",)}
    if op == C.IN:
        return _class(av)
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return {()}
    if op == C.SUBPATTERN:
        if av[1] or av[2]:          # flags turned on or off for the group: not modelled
            raise _Unknown
        return _starts(list(av[-1]), depth, cut)
    if op == C.BRANCH:
        return set().union(*(_starts(list(b), depth, cut) for b in av[1]))
    if op in REPEATS:
        return _repeat(*av, depth, cut)
    if hasattr(C, "ATOMIC_GROUP") and op == C.ATOMIC_GROUP:
        return _starts(list(av), depth, cut)
    raise _Unknown


def _repeat(low: int, high: int, body, depth: int, cut: bool) -> set:
    """What `body` repeated low to high times begins with. Past `depth` characters more
    repetitions add nothing, and a body that can match empty reaches a fixed point."""
    body = list(body)
    if cut and high == C.MAXREPEAT:     # open-ended (\s*, x+): not read past `low` of them
        found = _repeat(low, low, body, depth, cut) if low else {()}
        return {seq + (None,) * (depth - len(seq)) for seq in found}   # None: ends there
    out, todo, n = set(), {()}, 0
    while todo:
        if n >= low:
            out |= todo         # it may stop after n repetitions
        if n == high or n > low + depth:    # beyond: only empty repetitions, seen already
            break
        ahead = {s + m for s in todo for m in _starts(body, depth - len(s), cut)}
        out |= {s for s in ahead if len(s) >= depth}
        ahead = {s for s in ahead if len(s) < depth}
        n += 1
        if ahead == todo and n < low:       # the body matched empty: the same ever after
            n = low
        todo = ahead
    return out


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class(items) -> set:
    """A character class, as one regex, or as its few characters when it has no ranges."""
    chars, parts, negate = [], [], False
    for op, av in items:
        if op == C.NEGATE:
            negate = True
        elif op == C.LITERAL:
            chars.append(av)
            parts.append(_char(av))
        elif op == C.RANGE:
            parts.append(_char(av[0]) + "-" + _char(av[1]))
        elif op == C.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown
    if not negate and len(chars) == len(parts) <= _EXPAND:
        return {(_char(c),) for c in chars}
    return {("[" + ("^" if negate else "") + "".join(parts) + "]",)}
