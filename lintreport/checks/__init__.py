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
from dataclasses import dataclass, field
from typing import Any, Callable

REQUIRED = object()


@dataclass(frozen=True)
class Option:
    """One option of a check kind: its type, default and what it means."""
    type: Any
    default: Any = REQUIRED
    doc: str = ""
    item: Any = None            # element type for lists, value type for dicts

    def validate(self, value) -> str | None:
        """None if value fits, else what is wrong, in words."""
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            return None
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            return f"应为{type_name(self.type)}，实为{type(value).__name__}"
        if self.item is not None:
            items = value.values() if isinstance(value, dict) else value
            for v in items:
                if not isinstance(v, self.item):
                    return f"其中的元素应为{type_name(self.item)}，实为{type(v).__name__}"
        return None


def type_name(t) -> str:
    names = {str: "字符串", int: "整数", float: "数字", bool: "布尔值", list: "列表", dict: "映射"}
    if isinstance(t, tuple):
        return "或".join(names.get(x, x.__name__) for x in t)
    return names.get(t, getattr(t, "__name__", str(t)))


@dataclass(frozen=True)
class CheckKind:
    name: str
    func: Callable
    options: dict = field(default_factory=dict)
    scope: str = "document"
    collect: Callable | None = None
    doc: str = ""
    previous: bool = False      # needs last year's reports (--previous): run only with them


CHECKS: dict[str, CheckKind] = {}
_loaded = False


def check(name: str, *, scope: str = "document", collect: Callable | None = None,
          previous: bool = False, **options):
    """Register a check kind under `name`, with the options a rule may give it."""
    def register(func):
        CHECKS[name] = CheckKind(name, func, options, scope, collect,
                                 (func.__doc__ or "").strip(), previous)
        return func
    return register


def load_all() -> dict[str, CheckKind]:
    """Import every module of this package once, which registers its kinds."""
    global _loaded
    if not _loaded:
        # a plain listing: pkgutil's machinery costs more than the few imports it finds
        for name in sorted(os.listdir(os.path.dirname(__file__))):
            if name.endswith(".py") and not name.startswith("_"):
                importlib.import_module(f"{__name__}.{name[:-3]}")
        _loaded = True
    return CHECKS


def get(name: str) -> CheckKind | None:
    return load_all().get(name)
