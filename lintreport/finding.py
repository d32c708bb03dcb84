"""The records that flow out of the checks: Severity, Related, Fix and the frozen Finding.
The categories a finding can have are data: rules/data/categories.yaml (`data.categories()`)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def zh(self) -> str:
        return {1: "提示", 2: "警告", 3: "错误"}[self.value]


@dataclass(frozen=True, order=True)
class Related:
    """Another place a finding points at: the earlier copy, the other report."""
    path: str
    line: int
    note: str = ""


@dataclass(frozen=True, order=True)
class Fix:
    """A safe replacement of source characters [column, end_column) on one line (1-based)."""
    line: int
    column: int
    end_column: int
    replacement: str


@dataclass(frozen=True)
class Hit:
    """What a check reports: where, the message arguments; the engine makes the Finding."""
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    args: dict = field(default_factory=dict, hash=False, compare=False)
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    excerpt: str = ""


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found: where, which rule, how severe, the message and the safe fix."""
    path: str
    line: int
    column: int
    rule: str
    end_line: int
    end_column: int | None
    category: str
    severity: Severity
    message: str
    source: str
    related: tuple[Related, ...] = ()
    excerpt: str = ""
    fix: Fix | None = None

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "source": self.source,
            "excerpt": self.excerpt,
            "related": [{"path": r.path, "line": r.line, **({"note": r.note} if r.note else {})}
                        for r in self.related],
            "fix": None if self.fix is None else {
                "line": self.fix.line, "column": self.fix.column,
                "end_column": self.fix.end_column, "replacement": self.fix.replacement},
        }
