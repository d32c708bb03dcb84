"""A guard for regular expressions that come from configuration files.

Python's `re` has no time limit, and a pattern such as `(法+)+$` takes exponential time on a
line of 法 that ends otherwise (catastrophic backtracking). Patterns from a rule file or a
user's configuration are therefore looked at once, when the file is loaded, and refused when
a repetition contains another repetition (nested quantifiers, the cause of exponential
backtracking), or when they are very long. Why this and not the `regex` module with a
timeout: see docs/security.md.
"""
from __future__ import annotations

try:                                    # Python 3.11+
    import re._constants as C
    import re._parser as P
except ImportError:                     # Python 3.10
    import sre_constants as C           # type: ignore[no-redef]
    import sre_parse as P               # type: ignore[no-redef]

MAX_LENGTH = 2000
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT}
                                          if hasattr(C, "POSSESSIVE_REPEAT") else set())


def problem(pattern: str) -> str | None:
    """Why a pattern is unsafe to run on untrusted text, or None. A string that is not a
    regular expression at all is left to whoever uses it."""
    if len(pattern) > MAX_LENGTH:
        return f"过长（{len(pattern)}个字符，上限{MAX_LENGTH}）"
    try:
        parsed = P.parse(pattern)
    except Exception:   # noqa: BLE001 - not a pattern: nothing to guard
        return None
    if _nested(parsed, inside=False):
        return "含有嵌套的重复（如 (法+)+），在某些文字上会无休止地回溯；请改写为不嵌套的形式（如 法+）"
    return None


def _nested(items, inside: bool) -> bool:
    """Whether a repetition that can repeat more than once holds a repetition of variable
    length: then a run of text can be split between them in exponentially many ways."""
    for op, av in items:
        if op in REPEATS:
            low, high, body = av
            repeats = high is C.MAXREPEAT or high > 1
            if inside and repeats and low != high:  # a fixed count ({3}) splits text one way
                return True
            if _nested(body, inside or repeats):
                return True
        elif op == C.SUBPATTERN:
            if _nested(av[-1], inside):
                return True
        elif op == C.BRANCH:
            if any(_nested(branch, inside) for branch in av[1]):
                return True
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if _nested(av[1], inside):
                return True
    return False


def strings(value):
    """Every string in an option value (a string, a list of them, or a mapping of lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
