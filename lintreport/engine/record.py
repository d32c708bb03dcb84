"""The record of one report: what the engine read, found and worked out, in one place.

Every consumer reads this record and nothing else: `check` and its formatters, `review`
(page, table, annotated copies), `serve`, `fix` and `annotate`. None of them reads, parses
or checks a report a second time. The record crosses process boundaries (the pool sends it
back to the parent), so what it holds is small and picklable; the parsed Document is kept
only where the report was checked in the same process and a consumer asked for it.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..finding import Finding, Fix

if TYPE_CHECKING:
    from ..checklist import Checklist, Rule
    from ..document import Document


@dataclass
class Figures:
    """Per-report figures, written by the engine (lines) and by the batch checks, each to
    its own field (a batch check gets the report's Figures in its BatchItem). Their dict
    form is the `stats` of the JSON output: fields not worked out are left out."""
    lines: int | None = None            # lines of the source
    copied_share: float | None = None   # D002: share of the text found in other reports
    followup: dict | None = None        # F001: last year's plan item by item (review page)

    def as_dict(self) -> dict:
        out: dict = {}
        if self.lines is not None:
            out["lines"] = self.lines
        if self.copied_share is not None:
            out["copied_share"] = self.copied_share
        if self.followup is not None:
            out["followup"] = self.followup
        return out


@dataclass(frozen=True)
class Outline:
    """The roles of a report's lines, for consumers that lay the text out again (the
    annotated Word copy of a txt, md, html or PDF report) without the parsed Document."""
    title: tuple[int, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()  # (line, level)
    closing: tuple[int, ...] = ()               # issuer and date lines
    addressee: int | None = None

    @classmethod
    def of(cls, doc: Document) -> Outline:
        return cls(tuple(l.number for l in doc.title),
                   tuple((h.line.number, h.level) for h in doc.headings),
                   tuple(l.number for l in (doc.issuer, doc.date_line) if l is not None),
                   doc.addressee.number if doc.addressee is not None else None)


@dataclass(frozen=True)
class SourceLines:
    """The source's lines, as (number, text, page, prefix) when iterated or indexed; prefix
    counts the characters the reader made up at a line's start (Word list numbers), which
    findings' columns do not count. Kept compact, since every record crosses processes:
    the texts, and numbers, pages and prefixes only where they are not the plain ones."""
    texts: tuple[str, ...] = ()
    numbers: tuple[int, ...] | None = None      # None: 1, 2, 3…
    pages: tuple | None = None                  # None: no pages (only PDFs have them)
    prefixes: tuple[int, ...] | None = None     # None: no reader-made characters

    @classmethod
    def of(cls, lines) -> SourceLines:
        numbers = tuple(l.number for l in lines)
        pages = tuple(l.page for l in lines)
        prefixes = tuple(l.prefix for l in lines)
        return cls(tuple(l.text for l in lines),
                   None if numbers == tuple(range(1, len(lines) + 1)) else numbers,
                   pages if any(p is not None for p in pages) else None,
                   prefixes if any(prefixes) else None)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> tuple:
        return (self.numbers[i] if self.numbers else i + 1, self.texts[i],
                self.pages[i] if self.pages else None, self.prefixes[i] if self.prefixes else 0)

    def __iter__(self):
        return (self[i] for i in range(len(self.texts)))


class Fixes:
    """A report's safe fixes, kept as plain rows: a report can carry thousands (every
    half-width mark), and rows cross processes far faster than Fix objects."""
    __slots__ = ("rows",)

    def __init__(self, fixes=()):
        # one flat tuple (line, column, end, replacement, line, …): no object per fix
        self.rows = tuple(x for f in fixes for x in (f.line, f.column, f.end_column, f.replacement))

    def __iter__(self):
        rows = self.rows
        return (Fix(*rows[i:i + 4]) for i in range(0, len(rows), 4))

    def __len__(self) -> int:
        return len(self.rows) // 4

    def __eq__(self, other) -> bool:
        return isinstance(other, Fixes) and self.rows == other.rows

    def __getstate__(self):
        return self.rows

    def __setstate__(self, rows):
        self.rows = rows


@dataclass
class FileResult:
    """The record of one report (the name is kept from when it held only findings)."""
    path: str
    findings: list[Finding] = field(default_factory=list)
    report_year: int | None = None
    title: str = ""
    error: str | None = None
    parts: dict = field(default_factory=dict)       # part key → present (bool)
    figures: Figures = field(default_factory=Figures)
    reference: bool = False                         # read for comparison only (--against)
    suppressions: list = field(default_factory=list, repr=False)  # switches in the text
    kind: str = ""                                  # the reader's kind: text, docx, html…
    place: str = ""                                 # the place the report is from
    published: datetime.date | None = None          # a web page's publication date
    lines: SourceLines | tuple = field(default=(), repr=False)      # the source's lines
    skipped: list[tuple[int, int]] = field(default_factory=list)    # web page blocks
    outline: Outline = field(default_factory=Outline, repr=False)
    fixes: Fixes | None = field(default_factory=Fixes, repr=False)  # every safe fix (fixers.py);
    # None: not worked out (lint() without fixes=True)
    batch: dict = field(default_factory=dict, repr=False)   # rule id → batch-check summary
    document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def stats(self) -> dict:
        """The figures as the JSON output has them (`stats`)."""
        return self.figures.as_dict()

    def line_texts(self) -> dict[int, str]:
        """Line number → its text as findings count columns (reader-made prefix left out)."""
        return {number: text[prefix:] for number, text, _, prefix in self.lines}

    def without_document(self) -> FileResult:
        """This record as it leaves the process: the parsed Document stays behind."""
        self.document = None
        return self


@dataclass
class LintResult:
    """A run: one record per report, the checklist and the rules it ran, the config file."""
    files: list[FileResult]
    checklist: Checklist
    rules: list[Rule]
    config: str | None = None       # the configuration file used, if any

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.files if r.error]
