"""The types a checklist is made of: Part (a required section of a report), Rule (one check
with its message and source) and Checklist. Plain records, built by `checklist.load()` and
read by every layer above; nothing here reads a file.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from .finding import Severity

# What a required part is for; code asks a checklist for the part of a role, never for a
# key. In the order a report has them, which is the order tables show them in.
ROLES = ("measures", "shortcomings", "leaders", "plan")


@dataclass(frozen=True)
class Part:
    """A part of a report the checklist requires: how its heading is recognised, and where."""
    key: str
    name: str
    heading: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...] = ()
    levels: tuple[int, ...] = (1, 2)
    implicit: bool = False      # unheaded top-level sections before the other parts count
    within: tuple[str, ...] = ()    # parts inside which this part may stand as a sub-section
    role: str = ""              # what the part is for (measures, shortcomings, plan, leaders)
    label: str = ""             # short column label (its name is a sentence)

    def matches(self, title: str) -> bool:
        return any(p.search(title) for p in self.heading) and \
            not any(p.search(title) for p in self.exclude)


def part_keys(parts: dict) -> list[str]:
    """The parts in the order tables show them: those with a role in the roles' order
    (as a report has them), then the others as the checklist lists them."""
    known = sorted((k for k, p in parts.items() if p.role in ROLES), key=lambda k: ROLES.index(parts[k].role))
    return known + [k for k in parts if k not in known]


def part_label(part: Part) -> str:
    """A part's short column label (its name is a sentence)."""
    return part.label or part.name


@dataclass(frozen=True)
class Rule:
    """One rule of a checklist: its id, kind of check and options, severity and message."""
    id: str
    name: str
    category: str
    severity: Severity
    check: str
    message: str
    source: str
    rationale: str
    options: dict = field(default_factory=dict, hash=False, compare=False)
    examples: dict = field(default_factory=dict, hash=False, compare=False)
    aliases: tuple[str, ...] = ()
    enabled: bool = True
    fix: str = ""       # how to put a finding right, in words (explain, the review page)
    file: str = ""
    title: str = ""     # short Chinese name shown wherever a rule is listed (SARIF, rules, review)

    def format(self, args: dict) -> str:
        return string.Formatter().vformat(self.message, (), MessageArgs(args))


class MessageArgs(dict):
    """A message's arguments: a placeholder the check did not fill stays as written."""
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass
class Checklist:
    """A checklist: its parts and its rules, as read from its file and the files it includes."""
    name: str
    title: str
    path: str
    parts: dict[str, Part]
    rules: list[Rule]

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id or alias; ids are not case-sensitive (s003 is S003)."""
        key = rule_id.casefold()
        for r in self.rules:
            if r.id.casefold() == key or key in (a.casefold() for a in r.aliases):
                return r
        return None

    def part_for(self, role: str) -> str | None:
        """The key of the part that plays `role` (plan, measures, …), or None."""
        return next((k for k, p in self.parts.items() if p.role == role), None)
