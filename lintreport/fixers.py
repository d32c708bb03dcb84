"""Fixers keyed by check kind: for the kinds that report once per report (one stray-space
finding counts forty spaces) but whose fix covers every place they count.

A check module registers its fixer next to the check (`@fixer("stray-space")`); the engine
asks `fixes_of(kind)` when a rule of that kind fired, and puts the edits into the report's
record, so that --fix, the drafter's page and the web page's fix count read one list.
"""
from __future__ import annotations

from typing import Callable

# check kind → function(doc, rule) → [Fix]
FIXERS: dict[str, Callable] = {}


def fixer(kind: str):
    """Register the function that fixes every place a finding of `kind` counts."""
    def register(func):
        FIXERS[kind] = func
        return func
    return register


def fixes_of(kind: str) -> Callable | None:
    return FIXERS.get(kind)


def fixes_every_place(kind: str) -> bool:
    """Whether one finding of this kind stands for many places the fixed copy changes."""
    return kind in FIXERS
