"""The registry of check kinds. A check kind is a small function; a rule (YAML) picks one.

    @check("required-part", part=Option(str))
    def required_part(doc, rule, ctx):
        yield doc.hit(line, args={...})

A document check is called once per report with (doc, rule, ctx) and yields Hits. A batch
check (scope="batch") sees every report of a run: `collect(doc, rule, ctx)` runs next to the
document checks (in the worker process) and returns a small picklable summary, and the
check itself is called once as (summaries, rule) and yields (report_index, Hit) pairs.
"""
from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .. import patterns as patterns_guard

REQUIRED = object()


class Regex:
    """Option type: a regular expression (a string), compiled when the checklist loads, so a
    bad one is a configuration error naming the rule and option, not a failure per file."""

    @staticmethod
    def problem(value) -> str | None:
        if not isinstance(value, str):
            return f"应为正则表达式（字符串），实为{type(value).__name__}"
        if "\\b" in value:
            return f"中的正则“{value}”含\\b：中文字符之间没有词边界，请按字符匹配"
        unsafe = patterns_guard.problem(value)
        if unsafe:
            return f"中的正则“{value}”{unsafe}"
        try:
            re.compile(value)
        except re.error as exc:
            return f"中的正则“{value}”无效：{exc}"
        return None


@dataclass(frozen=True)
class Choice:
    """Option type: one of a few words (citation's problem: injected, misquoted, …)."""
    values: tuple[str, ...]

    def __init__(self, *values: str):
        object.__setattr__(self, "values", values)

    def problem(self, value) -> str | None:
        if value not in self.values:
            return f"应为其中之一：{'、'.join(self.values)}，实为“{value}”"
        return None


@dataclass(frozen=True)
class Option:
    """One option of a check kind: its type, default and what it means."""
    type: Any
    default: Any = REQUIRED
    doc: str = ""
    item: Any = None            # element type for lists, value type for dicts
    key: Any = None             # key type for dicts (Regex: a mapping of patterns)

    def validate(self, value) -> str | None:
        """None if value fits, else what is wrong, in words."""
        if self.type is Regex or isinstance(self.type, Choice):
            return self.type.problem(value)
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            return None
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            return f"应为{type_name(self.type)}，实为{type(value).__name__}"
        if self.key is Regex and isinstance(value, dict):
            for k in value:
                problem = Regex.problem(k)
                if problem:
                    return problem
        if self.item is not None:
            items = value.values() if isinstance(value, dict) else value
            for v in items:
                if self.item is Regex:
                    problem = Regex.problem(v)
                    if problem:
                        return problem
                elif not isinstance(v, self.item):
                    return f"其中的元素应为{type_name(self.item)}，实为{type(v).__name__}"
        return None


def type_name(t) -> str:
    if isinstance(t, Choice):
        return "其中之一：" + "、".join(t.values)
    names = {str: "字符串", int: "整数", float: "数字", bool: "布尔值", list: "列表", dict: "映射",
             Regex: "正则表达式"}
    if isinstance(t, tuple):
        return "或".join(names.get(x, x.__name__) for x in t)
    return names.get(t, getattr(t, "__name__", str(t)))


@dataclass(frozen=True)
class CheckKind:
    """A registered check kind: its function, options, scope and what it needs."""
    name: str
    func: Callable
    options: dict = field(default_factory=dict)
    scope: str = "document"
    collect: Callable | None = None
    doc: str = ""               # what it finds, in Chinese, for those who write rules
    previous: bool = False      # needs last year's reports (--previous): run only with them
    # modules every worker of a large batch needs (numpy for D002's signatures): imported
    # once in the parent before the workers fork, which then share them instead of each
    # importing its own (≈50 ms of CPU a worker, and the parent's import off its serial tail)
    preload: tuple[str, ...] = ()


CHECKS: dict[str, CheckKind] = {}
_loaded = False

# Which module of this package registers which kinds, so that a run imports only the
# modules of the kinds its rules use (a check module costs its imports and regexes).
# tests/test_check_kinds.py keeps it equal to what importing every module registers; a kind
# missing here is still found, by importing them all.
MODULES = {
    "budget": ("time-budget",),
    "citation": ("cited-title",),
    "coverage": ("topic",),
    "dates": ("future-date", "heading-year", "partial-period", "plan-year"),
    "event_dates": ("event-before", "event-upcoming", "plan-period"),
    "duplicate": ("duplicate-text",),
    "duplicate_across": ("duplicate-across",),
    "followup": ("plan-followup", "plan-repeated"),
    "hygiene": ("conversion-debris", "mojibake", "unknown-switch", "web-chrome"),
    "layout_page": ("page-margins", "page-number", "page-number-format", "page-size"),
    "layout_text": ("body-font", "closing-layout", "date-numerals", "first-line-indent",
                    "font-equivalent", "heading-font", "line-spacing", "title-format"),
    "marks": ("nested-title-marks", "year-range-dash"),
    "metadata": ("closing-present", "deadline", "page-publisher", "report-text", "title-present",
                 "year-consistency"),
    "numbering": ("enumeration-sequence", "heading-form", "heading-marker", "heading-sequence"),
    "numbers": ("approximate-exact", "count-conflict", "part-exceeds-whole", "parts-exceed-total",
                "rate-arithmetic", "rate-over-100"),
    "numerals": ("abbreviated-year", "fullwidth-digits"),
    "pairs": ("unbalanced-pairs",),
    "punctuation": ("doubled-punctuation", "halfwidth-punctuation", "stray-space", "title-comma"),
    "repeats": ("repeated-clause", "repeated-line"),
    "structure": ("part-mentions", "part-order", "required-part"),
    "wording": ("existence", "substitution"),
}
MODULE_OF = {kind: module for module, kinds in MODULES.items() for kind in kinds}


def check(name: str, *, doc: str = "", scope: str = "document", collect: Callable | None = None,
          previous: bool = False, preload: tuple[str, ...] = (), **options):
    """Register a check kind under `name`, with the options a rule may give it. `doc` says
    in Chinese what the kind finds, for the people who write rules (docs/check-kinds.md),
    as each Option's doc does for its option; the function's docstring stays the
    developers' note, in English, and is not shown to users."""
    def register(func):
        CHECKS[name] = CheckKind(name, func, options, scope, collect, doc.strip(), previous,
                                 tuple(preload))
        return func
    return register


def load_all() -> dict[str, CheckKind]:
    """Import every module of this package once, which registers its kinds (for listings,
    the docs and an unknown name; a run asks `get`)."""
    global _loaded
    if not _loaded:
        # a plain listing: pkgutil's machinery costs more than the few imports it finds
        for name in sorted(os.listdir(os.path.dirname(__file__))):
            if name.endswith(".py") and not name.startswith("_"):
                importlib.import_module(f"{__name__}.{name[:-3]}")
        _loaded = True
    return CHECKS


def known(name: str) -> bool:
    """Whether there is a kind of this name, without importing its module."""
    return name in CHECKS or name in MODULE_OF


def get(name: str) -> CheckKind | None:
    """The kind of this name, importing only the module that registers it."""
    kind = CHECKS.get(name)
    if kind is None and name in MODULE_OF:
        importlib.import_module(f"{__name__}.{MODULE_OF[name]}")
        kind = CHECKS.get(name)
    return kind if kind is not None else load_all().get(name)
