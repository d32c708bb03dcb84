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
    body: tuple[int, ...] = ()                  # lines of the report proper (no web chrome)
    title: tuple[int, ...] = ()
    headings: tuple[tuple[int, int], ...] = ()  # (line, level)
    closing: tuple[int, ...] = ()               # issuer and date lines
    addressee: int | None = None

    @classmethod
    def of(cls, doc: Document) -> Outline:
        return cls(tuple(l.number for l in doc.lines), tuple(l.number for l in doc.title),
                   tuple((h.line.number, h.level) for h in doc.headings),
                   tuple(l.number for l in (doc.issuer, doc.date_line) if l is not None),
                   doc.addressee.number if doc.addressee is not None else None)


# one source line: (number, text, page, prefix); prefix counts the characters the reader
# made up at its start (Word list numbers), which findings' columns do not count
LineText = tuple[int, str, "int | None", int]


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
    lines: tuple[LineText, ...] = field(default=(), repr=False)
    skipped: list[tuple[int, int]] = field(default_factory=list)    # web page blocks
    outline: Outline = field(default_factory=Outline, repr=False)
    fixes: list[Fix] = field(default_factory=list, repr=False)   # every safe fix, see fixers
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
